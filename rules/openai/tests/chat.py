# openai 0.x calls in a project that depends on openai>=1.0.
import openai
from openai import OpenAI

messages = [{"role": "user", "content": "Say this is a test"}]

# expect: chat-completion-removed
reply = openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=messages)
# expect: chat-completion-removed
stream = openai.ChatCompletion.create(
    model="gpt-3.5-turbo",
    messages=messages,
    stream=True,
)
# expect: completion-removed
text = openai.Completion.create(model="gpt-3.5-turbo-instruct", prompt="Say this is a test")
# expect: embedding-removed
vector = openai.Embedding.create(input="hello", model="text-embedding-ada-002")

# The v1 API: a client instance, or the module-level client.
client = OpenAI()
# ok: chat-completion-removed
reply = client.chat.completions.create(model="gpt-4o-mini", messages=messages)
# ok: completion-removed
text = client.completions.create(model="gpt-3.5-turbo-instruct", prompt="Say this is a test")
# ok: embedding-removed
vector = client.embeddings.create(input="hello", model="text-embedding-3-small")
# ok: chat-completion-removed
reply = openai.chat.completions.create(model="gpt-4o-mini", messages=messages)
# ok: embedding-removed
vector = openai.embeddings.create(input="hello", model="text-embedding-3-small")
