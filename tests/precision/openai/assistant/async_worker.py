"""Async fan-out: answer many questions concurrently with AsyncOpenAI."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence

from openai import AsyncOpenAI, RateLimitError

from .clients import chat_model, make_async_client
from .settings import Settings

log = logging.getLogger(__name__)


class AsyncAssistant:
    def __init__(self, settings: Settings | None = None, concurrency: int = 8) -> None:
        self.settings = settings or Settings()
        self.client: AsyncOpenAI = make_async_client(self.settings)
        self.model = chat_model(self.settings)
        self._limit = asyncio.Semaphore(concurrency)

    async def answer(self, question: str) -> str:
        async with self._limit:
            try:
                completion = await self.client.chat.completions.create(
                    model=self.model,
                    messages=[{"role": "user", "content": question}],
                    timeout=20.0,
                )
            except RateLimitError:
                log.warning("rate limited on %r; retrying once", question[:40])
                await asyncio.sleep(2)
                completion = await self.client.with_options(max_retries=5).chat.completions.create(
                    model=self.model,
                    messages=[{"role": "user", "content": question}],
                )
        return completion.choices[0].message.content or ""

    async def answer_all(self, questions: Sequence[str]) -> list[str]:
        return list(await asyncio.gather(*(self.answer(q) for q in questions)))

    async def stream(self, question: str) -> AsyncIterator[str]:
        stream = await self.client.chat.completions.create(
            model=self.model,
            messages=[{"role": "user", "content": question}],
            stream=True,
        )
        async for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                yield chunk.choices[0].delta.content

    async def embed(self, texts: Sequence[str]) -> list[list[float]]:
        response = await self.client.embeddings.create(
            model=self.settings.embedding_model, input=list(texts)
        )
        return [item.embedding for item in sorted(response.data, key=lambda item: item.index)]

    async def aclose(self) -> None:
        await self.client.close()


async def main(questions: Sequence[str]) -> None:
    assistant = AsyncAssistant()
    try:
        for answer in await assistant.answer_all(questions):
            print(answer)
        async for token in assistant.stream("Write a haiku about queues."):
            print(token, end="", flush=True)
    finally:
        await assistant.aclose()


if __name__ == "__main__":
    asyncio.run(main(["What is a vector index?", "Define cosine similarity."]))
