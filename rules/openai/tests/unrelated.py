# A class that happens to be called ChatCompletion, from another module, in a file that
# also imports openai: not the removed openai class.
import openai
from mylib import ChatCompletion
from mylib.nlp import Completion, Embedding

client = openai.OpenAI()

# ok: chat-completion-removed
ChatCompletion.create()
# ok: completion-removed
Completion.create(prompt="hi")
# ok: embedding-removed
Embedding.create(text="hello")
# ok: chat-completion-removed
reply = client.chat.completions.create(model="gpt-4o-mini", messages=[])
