"""``upstream eval pairs``: preference pairs made from a model's own mistakes.

For each answer with findings, ``rejected`` is the model's code and ``chosen`` the same code
with the packs' safe fixes applied, kept only when every finding had one and the fixed code
checks clean. In the chat format (OpenAI's preference fine-tuning, DPO), the two outputs are
whole answers: the model's own, and the same text with its code blocks fixed.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from upstream.agents.evaluation._records import RUN_FILE, Sample, guess_language, read_samples
from upstream.agents.evaluation._run import completion_findings
from upstream.agents.evaluation.extract import CodeBlock, extract_code
from upstream.engine import LANGUAGES, RuleSet, apply_edits, chosen_edits
from upstream.errors import UsageError

# Fixes can uncover or overlap one another: apply them in rounds, as ``check --fix`` would
# on a re-run, until clean. A chain longer than this is no fix we trust.
MAX_ROUNDS = 5
FORMATS = ("chat", "plain")


@dataclass(frozen=True)
class Completion:
    """A completions.jsonl record as pairs need it: the sample, the raw answer, the system."""

    sample: Sample
    answer: str | None
    system: str | None


@dataclass(frozen=True)
class Pair:
    completion: Completion
    language: str
    rejected: str
    chosen: str
    rules: tuple[str, ...]
    # The whole answers, for the chat format.
    rejected_answer: str
    chosen_answer: str

    def to_json(self, format: str) -> str:
        if format == "chat":
            messages = []
            if self.completion.system:
                messages.append({"role": "system", "content": self.completion.system})
            messages.append({"role": "user", "content": self.completion.sample.prompt or ""})
            record: dict[str, object] = {
                "input": {"messages": messages},
                "preferred_output": [{"role": "assistant", "content": self.chosen_answer}],
                "non_preferred_output": [{"role": "assistant", "content": self.rejected_answer}],
            }
        else:
            record = {
                "model": self.completion.sample.model,
                "id": self.completion.sample.id,
                "prompt": self.completion.sample.prompt,
                "language": self.language,
                "chosen": self.chosen,
                "rejected": self.rejected,
                "rules": list(self.rules),
            }
        return json.dumps(record, ensure_ascii=False)


@dataclass
class PairsOutcome:
    pairs: list[Pair] = field(default_factory=list)
    with_findings: int = 0
    # Answers with findings that no safe fix (or chain of them) made clean.
    no_complete_fix: int = 0


def read_completions(path: Path) -> list[Completion]:
    """The records of a completions.jsonl, or of the run folder holding one, validated as
    ``upstream eval`` validates them."""
    if path.is_dir():
        if not (path / RUN_FILE).is_file():
            raise UsageError(f"{path}: no {RUN_FILE} in this folder (pairs need the answers)")
        path = path / RUN_FILE
    samples = read_samples(path)
    extras: list[tuple[str | None, str | None]] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                answer, system = record.get("answer"), record.get("system")
                extras.append(
                    (
                        answer if isinstance(answer, str) else None,
                        system if isinstance(system, str) else None,
                    )
                )
    return [Completion(s, a, sy) for s, (a, sy) in zip(samples, extras, strict=True)]


def make_pairs(
    completions: Sequence[Completion], rule_set: RuleSet, *, snippet: bool = False
) -> PairsOutcome:
    outcome = PairsOutcome()
    for completion in completions:
        sample = completion.sample
        language = sample.language or guess_language(sample.code)
        findings = completion_findings(sample, rule_set, language, snippet=snippet)
        if not findings:
            continue
        outcome.with_findings += 1
        fixed = fix_completely(sample, rule_set, language, snippet=snippet)
        if fixed is None:
            outcome.no_complete_fix += 1
            continue
        chosen_answer = _fixed_answer(completion, language, fixed)
        outcome.pairs.append(
            Pair(
                completion,
                language,
                rejected=sample.code,
                chosen=fixed,
                rules=tuple(dict.fromkeys(f.rule for f in findings)),
                rejected_answer=completion.answer if completion.answer is not None else sample.code,
                chosen_answer=chosen_answer,
            )
        )
    return outcome


def fix_completely(
    sample: Sample, rule_set: RuleSet, language: str, *, snippet: bool = False
) -> str | None:
    """The completion's code with safe fixes applied until it checks clean, or None when a
    finding has no safe fix, a fix would break the syntax, or the rounds run out."""
    spec = LANGUAGES[language]
    code = sample.code
    for _ in range(MAX_ROUNDS):
        findings = completion_findings(
            dataclasses.replace(sample, code=code), rule_set, language, snippet=snippet
        )
        if not findings:
            return code
        edits = chosen_edits(findings, unsafe=False)
        if len(edits) < len(findings):
            return None
        result = apply_edits(code.encode("utf-8"), edits, spec)
        if result.refused or not result.applied:
            return None
        code = result.source.decode("utf-8")
    return None


def _fixed_answer(completion: Completion, language: str, fixed: str) -> str:
    """The answer with its checked code blocks replaced by the fixed code.

    The code checked is the blocks joined by blank lines; a fixed code whose blocks no
    longer split there (a fix across two blocks) leaves the answer as the fixed code alone.
    """
    answer = completion.answer
    if answer is None:
        return fixed
    blocks = extract_code(answer, language).blocks
    if not blocks:
        return fixed
    parts = _split_like(fixed, blocks)
    if parts is None:
        return f"```{language}\n{fixed}```\n"
    out: list[str] = []
    position = 0
    for block, text in zip(blocks, parts, strict=True):
        out.append(answer[position : block.start])
        out.append(text)
        position = block.end
    out.append(answer[position:])
    return "".join(out)


def _split_like(fixed: str, blocks: Sequence[CodeBlock]) -> list[str] | None:
    """``fixed`` cut into one text per block, where ``join_blocks`` put the blank lines."""
    if len(blocks) == 1:
        return [fixed if blocks[0].text.endswith("\n") else fixed.removesuffix("\n")]
    pieces = fixed.split("\n\n")
    # Only a split whose piece count matches the blocks' own blank lines is unambiguous.
    expected = [b.text.rstrip("\n").count("\n\n") + 1 for b in blocks]
    if len(pieces) != sum(expected):
        return None
    parts: list[str] = []
    start = 0
    for block, count in zip(blocks, expected, strict=True):
        text = "\n\n".join(pieces[start : start + count]).rstrip("\n") + "\n"
        parts.append(text if block.text.endswith("\n") else text.removesuffix("\n"))
        start += count
    return parts
