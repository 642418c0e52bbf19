# 0.x resource classes stored to be called later (langchain 0.0.x's validators), not called
# where they are named.
import openai
from openai import OpenAI


class ChatModel:
    def __init__(self, values: dict) -> None:
        # expect: chat-completion-removed
        values["client"] = openai.ChatCompletion
        # expect: completion-removed
        self.client = openai.Completion
        # expect: embedding-removed
        self.embedder = dict(client=openai.Embedding)

    def call(self, **kwargs):
        # The call is one finding, not one for the call and one for the class.
        # expect: chat-completion-removed
        return openai.ChatCompletion.create(**kwargs)


def moderation_client():
    import openai as oa

    # expect: moderation-removed
    return oa.Moderation


# expect: legacy-resource-removed
RESOURCES = [openai.Engine]

# ok: the 1.x client's resources, stored the same way
client = OpenAI()
completions = client.chat.completions
handler = openai.OpenAI
# ok: an application's class of the same name
class ChatCompletion:
    pass


stored = ChatCompletion
