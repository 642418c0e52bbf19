# Cases of the openai rules in the benchmark pack, from rules/openai/tests/.
import openai
import openai as oa
from openai import ChatCompletion

messages = [{"role": "user", "content": "Say this is a test"}]

# expect: openai--chat-completion-removed
reply = openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=messages)
# expect: openai--chat-completion-removed
stream = openai.ChatCompletion.create(
    model="gpt-3.5-turbo",
    messages=messages,
    stream=True,
)
# expect: openai--chat-completion-removed
oa.ChatCompletion.create(model="gpt-3.5-turbo", messages=[])
# expect: openai--chat-completion-removed
ChatCompletion.create(model="gpt-3.5-turbo", messages=[])
# ok: openai--chat-completion-removed
reply = openai.chat.completions.create(model="gpt-4o-mini", messages=messages)
# ok: openai--chat-completion-removed
oa.chat.completions.create(model="gpt-4o-mini", messages=[])
