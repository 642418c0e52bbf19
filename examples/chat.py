"""Answer support questions with OpenAI, written in the openai 0.x style.

requirements.txt asks for openai>=1.0, where these calls raise APIRemovedInV1.
Run `upstream check examples/` to see them reported, with the v1 spelling as a fix.
"""

import os

import openai

openai.api_key = os.environ["OPENAI_API_KEY"]


def answer(question: str) -> str:
    # openai 0.x: removed in 1.0 (v1: client.chat.completions.create, response.choices[0]...)
    response = openai.ChatCompletion.create(
        model="gpt-3.5-turbo",
        messages=[{"role": "user", "content": question}],
    )
    return response["choices"][0]["message"]["content"]


def embed(text: str) -> list[float]:
    # openai 0.x: removed in 1.0 (v1: client.embeddings.create(...).data[0].embedding)
    result = openai.Embedding.create(input=text, model="text-embedding-ada-002")
    return result["data"][0]["embedding"]
