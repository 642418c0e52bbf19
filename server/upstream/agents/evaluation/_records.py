"""Eval input: completions as JSONL records or as a folder of files per model."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from upstream.engine import LANGUAGES, language_for_id, language_for_path
from upstream.errors import UsageError


@dataclass(frozen=True)
class Sample:
    """One completion of one model."""

    id: str
    model: str
    code: str
    language: str | None = None
    prompt: str | None = None
    library: str | None = None
    topic: str | None = None


# What `upstream eval run -o DIR` writes: DIR is then a run, not a folder per model.
RUN_FILE = "completions.jsonl"


def read_samples(data: Path) -> list[Sample]:
    """The samples in a JSONL file, a run folder holding completions.jsonl, or a folder with
    one sub-folder of code files per model."""
    if data.is_dir() and (data / RUN_FILE).is_file():
        data = data / RUN_FILE
    elif data.is_dir():
        return _read_folder(data)
    if not data.is_file():
        raise UsageError(f"{data}: no such file or folder")
    samples: list[Sample] = []
    with data.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise UsageError(f"{data}:{number}: not JSON: {error.msg}") from None
            samples.append(_sample(record, f"{data}:{number}", default_id=str(number)))
    return samples


def _sample(record: object, where: str, default_id: str) -> Sample:
    if not isinstance(record, dict):
        raise UsageError(f"{where}: a record must be a JSON object")
    for key in ("model", "code"):
        if not isinstance(record.get(key), str):
            raise UsageError(f"{where}: '{key}' must be a string")
    optional: dict[str, str | None] = {}
    for key in ("id", "language", "prompt", "library", "topic"):
        value = record.get(key)
        if value is not None and not isinstance(value, (str, int)):
            raise UsageError(f"{where}: '{key}' must be a string")
        optional[key] = None if value is None else str(value)
    language = optional["language"]
    if language is not None:
        spec = language_for_id(language.lower())
        if spec is None:
            raise UsageError(f"{where}: unknown language {language!r}")
        language = spec.name
    return Sample(
        id=optional["id"] or default_id,
        model=record["model"],
        code=record["code"],
        language=language,
        prompt=optional["prompt"],
        library=optional["library"],
        topic=optional["topic"],
    )


def run_labels(paths: Sequence[Path]) -> list[str]:
    """A short name per run: its folder's name (for DIR/completions.jsonl too) or file name;
    the paths as given when those names would not tell the runs apart."""
    names = [(p.parent if p.name == RUN_FILE else p).name or str(p) for p in paths]
    return names if len(set(names)) == len(names) else [str(p) for p in paths]


def _read_folder(root: Path) -> list[Sample]:
    samples: list[Sample] = []
    for model in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for file in sorted(p for p in model.rglob("*") if p.is_file()):
            try:
                code = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            spec = language_for_path(file)
            samples.append(
                Sample(
                    id=file.relative_to(model).as_posix(),
                    model=model.name,
                    code=code,
                    language=spec.name if spec is not None else None,
                )
            )
    return samples


# Markers that say which language a snippet is in; the highest score wins.
_MARKERS: dict[str, tuple[str, ...]] = {
    "python": (
        r"^\s*def \w+\(.*\)\s*(->.*)?:\s*$",
        r"^\s*(from [\w.]+ )?import [\w., ]+$",
        r"^\s*class \w+(\(.*\))?:\s*$",
        r"\bself\.",
        r"^\s*(if|for|while|with|try|elif|else)\b.*:\s*$",
        r"\bprint\(",
        r"\bNone\b|\bTrue\b|\bFalse\b",
    ),
    "javascript": (
        r"\brequire\(['\"]",
        r"^\s*(const|let|var) \w+",
        r"=>",
        r"\bfunction\b",
        r"\bconsole\.log\(",
        r"^\s*import .* from ['\"]",
        r"\bawait\b.*;\s*$",
    ),
    "typescript": (
        r"^\s*(export )?(interface|type) \w+",
        r"\b\w+\??: (string|number|boolean|any|unknown)\b",
        r"<\w+>\(",
        r"\bas (string|number|any|const)\b",
    ),
    "java": (
        r"\b(public|private|protected) (static )?(final )?[\w<>\[\]]+ \w+",
        r"^\s*import java\.",
        r"^\s*package [\w.]+;",
        r"\bSystem\.out\.",
        r"\bnew \w+(<.*>)?\(.*\);",
    ),
    "go": (r"^\s*package \w+\s*$", r"^\s*func ", r":=", r"\bfmt\.", r"^\s*import \($"),
    "sql": (
        r"(?i)^\s*(select|insert into|update|delete from|create table|alter table)\b",
        r"(?i)\bpartitioned by\b",
    ),
}
_COMPILED = {
    name: tuple(re.compile(marker, re.MULTILINE) for marker in markers)
    for name, markers in _MARKERS.items()
}


def guess_language(code: str) -> str:
    """The most likely language of a snippet, from the markers it contains (python if none)."""
    scores = {
        name: sum(1 for m in markers if m.search(code)) for name, markers in _COMPILED.items()
    }
    # TypeScript is JavaScript plus types: its markers add to JavaScript's.
    scores["typescript"] += scores["javascript"] if scores["typescript"] else 0
    best = max(scores, key=lambda name: (scores[name], name == "python"))
    return best if best in LANGUAGES and scores[best] else "python"
