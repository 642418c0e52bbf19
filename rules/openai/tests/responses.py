# Dict-style access on openai 1.x responses (pydantic models).
import json

import openai
import requests
from openai import AsyncOpenAI, OpenAI

client = OpenAI()
messages = [{"role": "user", "content": "Hello"}]

completion = client.chat.completions.create(model="gpt-4o-mini", messages=messages)
# A name assigned at module level is not followed (a known gap: the search would cost too
# much on large files); the same code in a function is reported, see summarize() below.
# ok: response-not-subscriptable
print(completion["choices"][0]["message"]["content"])
# ok: response-not-subscriptable
print(completion.choices[0].message.content)

# expect: response-not-subscriptable
vector = client.embeddings.create(input="hi", model="text-embedding-3-small")["data"][0]["embedding"]
# ok: response-not-subscriptable
vector = client.embeddings.create(input="hi", model="text-embedding-3-small").data[0].embedding
# expect: response-not-subscriptable
usage = openai.completions.create(model="gpt-3.5-turbo-instruct", prompt="Hi")["usage"]


def summarize(text: str) -> str:
    response = client.chat.completions.create(model="gpt-4o-mini", messages=messages)
    # expect: response-not-subscriptable
    return response["choices"][0]["message"]["content"]


def moderate(text: str) -> bool:
    result = client.moderations.create(input=text)
    # expect: response-not-subscriptable
    return result["results"][0]["flagged"]


async def summarize_async(text: str) -> str:
    async_client = AsyncOpenAI()
    reply = await async_client.chat.completions.create(model="gpt-4o-mini", messages=messages)
    # expect: response-not-subscriptable
    first = reply["choices"][0]
    # expect: response-not-subscriptable
    model = (await async_client.chat.completions.create(model="gpt-4o-mini", messages=messages))["usage"]
    return first, model


def as_dict() -> dict:
    response = client.chat.completions.create(model="gpt-4o-mini", messages=messages)
    response = response.model_dump()
    # ok: response-not-subscriptable
    return response["choices"][0]


def via_http_or_sdk(use_sdk: bool):
    if use_sdk:
        out = client.chat.completions.create(model="gpt-4o-mini", messages=messages)
    else:
        out = requests.post("http://localhost:8000/v1/chat/completions", json={}).json()
    # ok: response-not-subscriptable
    return out["choices"][0]


def parameter(response):
    # A name assigned from a call elsewhere in the module is a different variable here.
    # ok: response-not-subscriptable
    return response["choices"]


def outer():
    data = client.embeddings.create(input="x", model="text-embedding-3-small")

    def inner(data):
        # ok: response-not-subscriptable
        return data["data"]

    # ok: response-not-subscriptable
    ids = [data["data"] for data in load_rows()]
    # ok: response-not-subscriptable
    return inner(data.model_dump()), ids


def loops(rows):
    item = client.moderations.create(input="x")
    for item in rows:
        # ok: response-not-subscriptable
        print(item["results"])


def raw():
    raw = client.chat.completions.with_raw_response.create(model="gpt-4o-mini", messages=messages)
    # ok: response-not-subscriptable
    return raw.headers["x-request-id"]


def other_libraries(db, cache):
    row = db.images.create(url="x")
    # ok: response-not-subscriptable
    print(row["data"])
    doc = cache.completions.get("key")
    # ok: response-not-subscriptable
    print(doc["choices"])
    payload = json.loads(completion.model_dump_json())
    # ok: response-not-subscriptable
    print(payload["choices"])
    batch = client.chat.completions.create(model="gpt-4o-mini", messages=messages)
    # Not a response field: a list index or another key is not reported.
    # ok: response-not-subscriptable
    print(batch[0], batch["headers"])
