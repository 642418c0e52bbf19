"""Recall and precision of the bundled packs on the LLM-style completion corpus.

Each file under bench/llm-style/<library>/ is one completion: its leading comment lines are
the prompt's version header (``# torch==2.5.1``), the rest is the code, checked as
``upstream eval --snippet`` checks a completion (conventional aliases count as imported, the
header's versions decide the version gates). A line directly below a ``# deprecated: ...``
(``// deprecated: ...``) comment is a labelled use of a deprecated or removed API.

- a labelled line is found when a finding's range covers it (recall = found / labelled);
- a finding that covers no labelled line is a false positive
  (precision = findings on labelled lines / all findings).

    python bench/llm-style/score.py            # the table, per library
    python bench/llm-style/score.py --json     # the same as JSON
    python bench/llm-style/score.py --misses   # also each miss and false positive
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from upstream.agents.evaluation import Sample, completion_findings
from upstream.engine import Finding, RuleSet
from upstream.packs import bundled_pack_paths, load_rule_set

CORPUS = Path(__file__).parent
_LABEL = re.compile(r"^\s*(?:#|//)\s*deprecated:\s*(?P<api>.+?)\s*$")
_COMMENT = re.compile(r"^\s*(?:#|//)")
_LANGUAGES = {".py": "python", ".js": "javascript", ".ts": "typescript"}


@dataclass
class Tally:
    files: int = 0
    labelled: int = 0
    found: int = 0
    findings: int = 0
    false_positives: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return self.found / self.labelled if self.labelled else None

    @property
    def precision(self) -> float | None:
        if not self.findings:
            return None
        return (self.findings - self.false_positives) / self.findings


def split(text: str) -> tuple[str, str]:
    """(the prompt's leading comment block, the completion)."""
    lines = text.splitlines(keepends=True)
    head = 0
    while head < len(lines) and (_COMMENT.match(lines[head]) or not lines[head].strip()):
        if _LABEL.match(lines[head]):
            break
        head += 1
    return "".join(lines[:head]), "".join(lines[head:])


def labels(code: str) -> dict[int, str]:
    """0-based line in ``code`` -> the API its label names."""
    found: dict[int, str] = {}
    lines = code.splitlines()
    for number, line in enumerate(lines):
        match = _LABEL.match(line)
        if match:
            target = number + 1
            while target < len(lines) and _LABEL.match(lines[target]):
                target += 1  # several labels above one line
            found[target] = match["api"]
    return found


def score_file(path: Path, rule_set: RuleSet, tally: Tally) -> None:
    prompt, code = split(path.read_text(encoding="utf-8"))
    language = _LANGUAGES[path.suffix]
    sample = Sample(id=path.name, model="corpus", code=code, prompt=prompt, language=language)
    findings: list[Finding] = completion_findings(sample, rule_set, language, snippet=True)
    expected = labels(code)
    covered: set[int] = set()
    tally.files += 1
    tally.labelled += len(expected)
    tally.findings += len(findings)
    name = path.relative_to(CORPUS)
    offset = prompt.count("\n")
    for finding in findings:
        lines = set(range(finding.start.line, finding.end.line + 1)) & expected.keys()
        if lines:
            covered |= lines
        else:
            tally.false_positives += 1
            tally.notes.append(
                f"  false positive {name}:{finding.start.line + 1 + offset}: {finding.rule}"
            )
    tally.found += len(covered)
    for line in sorted(expected.keys() - covered):
        tally.notes.append(f"  missed {name}:{line + 1 + offset}: {expected[line]}")


def score(corpus: Path = CORPUS) -> dict[str, Tally]:
    rule_set = load_rule_set(list(bundled_pack_paths())).rule_set
    tallies: dict[str, Tally] = {}
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        tally = tallies.setdefault(folder.name, Tally())
        for path in sorted(folder.iterdir()):
            if path.suffix in _LANGUAGES:
                score_file(path, rule_set, tally)
    return tallies


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def table(tallies: dict[str, Tally]) -> str:
    rows = [
        "| library | files | labelled uses | found | recall | findings | false positives "
        "| precision |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    total = Tally()
    for name, t in tallies.items():
        rows.append(
            f"| {name} | {t.files} | {t.labelled} | {t.found} | {_ratio(t.recall)} | "
            f"{t.findings} | {t.false_positives} | {_ratio(t.precision)} |"
        )
        for attribute in ("files", "labelled", "found", "findings", "false_positives"):
            setattr(total, attribute, getattr(total, attribute) + getattr(t, attribute))
    rows.append(
        f"| **all** | {total.files} | {total.labelled} | {total.found} | "
        f"{_ratio(total.recall)} | {total.findings} | {total.false_positives} | "
        f"{_ratio(total.precision)} |"
    )
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", action="store_true", help="list misses and false positives")
    args = parser.parse_args(argv)
    tallies = score()
    if args.json:
        data = {
            name: {"files": t.files, "labelled": t.labelled, "found": t.found,
                   "findings": t.findings, "false_positives": t.false_positives,
                   "recall": t.recall, "precision": t.precision}
            for name, t in tallies.items()
        }  # fmt: skip
        json.dump(data, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(table(tallies))
    if args.misses:
        for name, t in tallies.items():
            if t.notes:
                sys.stdout.write(f"{name}:\n" + "\n".join(t.notes) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
