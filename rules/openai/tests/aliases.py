# The removed classes reached through import aliases are reported too.
# (No aliases.fixed.py: the fix template spells the module `openai`, which these files
# do not bind; see the report.)
import openai as oa
from openai import ChatCompletion, Completion
from openai import Embedding as Emb

# expect: chat-completion-removed
oa.ChatCompletion.create(model="gpt-3.5-turbo", messages=[])
# expect: chat-completion-removed
ChatCompletion.create(model="gpt-3.5-turbo", messages=[])
# expect: completion-removed
Completion.create(model="gpt-3.5-turbo-instruct", prompt="hi")
# expect: embedding-removed
Emb.create(input="hello", model="text-embedding-ada-002")
# Azure-style 0.x call: still reported; the (unsafe) fix would leave `engine=` to edit by hand.
# expect: chat-completion-removed
oa.ChatCompletion.create(engine="my-gpt35-deployment", messages=[])
# ok: chat-completion-removed
oa.chat.completions.create(model="gpt-4o-mini", messages=[])
