# Model ids OpenAI has shut down, whatever the SDK version.
import openai
from openai import OpenAI

client = OpenAI()

# expect: retired-model
text = client.completions.create(model="text-davinci-003", prompt="Say hi")
# expect: retired-model
code = client.completions.create(model="code-davinci-002", prompt="def add(a, b):")
# expect: retired-model
vector = client.embeddings.create(model="text-search-ada-doc-001", input="hello")
# expect: retired-model
reply = client.chat.completions.create(model="gpt-3.5-turbo-0613", messages=[])
# expect: retired-model
reply = client.chat.completions.create(model="gpt-4-32k", messages=[])
# expect: retired-model
tuned = client.completions.create(model="curie:ft-personal-2023-02-01-12-00-00", prompt="x")
# expect: chat-completion-removed, retired-model
legacy = openai.ChatCompletion.create(engine="gpt-3.5-turbo-0301", messages=[])

# Current models, and the replacements named on the deprecations page.
# ok: retired-model
text = client.completions.create(model="gpt-3.5-turbo-instruct", prompt="Say hi")
# ok: retired-model
base = client.completions.create(model="davinci-002", prompt="Say hi")
# ok: retired-model
base = client.completions.create(model="babbage-002", prompt="Say hi")
# ok: retired-model
vector = client.embeddings.create(model="text-embedding-ada-002", input="hello")
# ok: retired-model
vector = client.embeddings.create(model="text-embedding-3-small", input="hello")
# ok: retired-model
reply = client.chat.completions.create(model="gpt-4o-mini", messages=[])
# ok: retired-model
reply = client.chat.completions.create(model="gpt-4-turbo", messages=[])
# ok: retired-model
tuned = client.chat.completions.create(model="ft:gpt-4o-mini-2024-07-18:acme::abc123", messages=[])
# A variable is not checked, nor a `model` that is not a keyword argument.
# ok: retired-model
reply = client.chat.completions.create(model=MODEL, messages=[])
# ok: retired-model
settings = {"model": "davinci"}
# ok: retired-model
reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "davinci"}])
