"""A tiny in-memory semantic index over OpenAI embeddings."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from openai import OpenAI

from .settings import Settings

BATCH_SIZE = 256


def cosine_similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = a / np.linalg.norm(a, axis=-1, keepdims=True)
    b = b / np.linalg.norm(b, axis=-1, keepdims=True)
    return a @ b.T


@dataclass
class Document:
    id: str
    text: str
    metadata: dict[str, str] = field(default_factory=dict)


class EmbeddingIndex:
    def __init__(
        self, client: OpenAI, settings: Settings | None = None, dimensions: int | None = None
    ) -> None:
        self.client = client
        self.model = (settings or Settings()).embedding_model
        self.dimensions = dimensions
        self.documents: list[Document] = []
        self.vectors: np.ndarray | None = None

    def _embed(self, texts: list[str]) -> np.ndarray:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), BATCH_SIZE):
            batch = texts[start : start + BATCH_SIZE]
            if self.dimensions is not None:
                response = self.client.embeddings.create(
                    model=self.model, input=batch, dimensions=self.dimensions
                )
            else:
                response = self.client.embeddings.create(model=self.model, input=batch)
            vectors.extend(item.embedding for item in response.data)
        return np.asarray(vectors, dtype=np.float32)

    def add(self, documents: list[Document]) -> None:
        new = self._embed([doc.text for doc in documents])
        self.vectors = new if self.vectors is None else np.vstack([self.vectors, new])
        self.documents.extend(documents)

    def search(self, query: str, k: int = 5) -> list[tuple[Document, float]]:
        if self.vectors is None:
            return []
        query_vector = self._embed([query])[0]
        scores = cosine_similarity(query_vector[None, :], self.vectors)[0]
        best = np.argsort(-scores)[:k]
        return [(self.documents[i], float(scores[i])) for i in best]

    def usage_report(self, text: str) -> dict[str, int]:
        response = self.client.embeddings.create(model=self.model, input=text)
        usage = response.usage.model_dump()
        return {"prompt_tokens": usage["prompt_tokens"], "total_tokens": usage["total_tokens"]}
