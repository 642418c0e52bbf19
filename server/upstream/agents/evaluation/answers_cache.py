"""A content-addressed cache of model answers, so a re-run or an interrupted run asks again
only what it has no answer to.

The key is the hash of everything that decides an answer: the endpoint, the model, the
system and user prompts, the temperature and the sample's index (so ``--samples 3`` keeps
three answers). Each answer is one JSON file, ``KEY[:2]/KEY.json``, written atomically: a
run killed mid-write leaves the old state, never half an answer.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from upstream.files import write_atomically


@dataclass(frozen=True)
class AnswerKey:
    base_url: str
    model: str
    system: str | None
    prompt: str
    temperature: float | None
    sample: int

    def digest(self) -> str:
        canonical = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Answer:
    """A model's reply: its text, how long it took, and the tokens the endpoint counted."""

    content: str
    seconds: float
    usage: dict[str, int] | None = None
    finish_reason: str | None = None


class AnswerCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: AnswerKey) -> Path:
        digest = key.digest()
        return self.root / digest[:2] / f"{digest}.json"

    def get(self, key: AnswerKey) -> Answer | None:
        """The cached answer, or None (a missing or unreadable entry is asked again)."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            usage = data.get("usage")
            return Answer(
                content=str(data["content"]),
                seconds=float(data["seconds"]),
                usage={str(k): int(v) for k, v in usage.items()} if usage else None,
                finish_reason=data.get("finish_reason"),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: AnswerKey, answer: Answer) -> None:
        record = {"key": asdict(key), **asdict(answer)}
        write_atomically(self._path(key), json.dumps(record, ensure_ascii=False) + "\n")

    def __len__(self) -> int:
        return sum(1 for _ in self.root.glob("??/*.json")) if self.root.is_dir() else 0
