"""``upstream export``: packs as guidance for AI assistants, and as preference data.

The guidance formats (``upstream.agents.guidance``) teach each rule as a don't/do pair with a
code example from the pack's own tests, within a size budget per file. ``preference-jsonl``
pairs each rule's ``expect`` test case (rejected) with its fix or an ``ok`` case of the same
rule (chosen), one JSON object a line, as TRL's DPO trainer reads them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from upstream.agents.guidance.cases import (
    clean,
    findings,
    fixed_statement,
    ok_statements,
    pack_test_files,
    statement,
)
from upstream.agents.guidance.formats import (
    DEFAULT_BUDGETS,
    DEFAULT_PATHS,
    GUIDANCE_FORMATS,
    export_guidance,
    update_managed,
)
from upstream.agents.guidance.pairs import plain, replacement
from upstream.engine import LanguageSpec, RuleSet
from upstream.packs import Pack, Rule

FORMATS = (*GUIDANCE_FORMATS, "preference-jsonl")
__all__ = [
    "DEFAULT_BUDGETS",
    "DEFAULT_PATHS",
    "FORMATS",
    "GUIDANCE_FORMATS",
    "PreferencePair",
    "export_guidance",
    "guidance_line",
    "preference_pairs",
    "update_managed",
]


def guidance_line(rule: Rule) -> str:
    """One line per rule for the MCP ``guidance`` tool: the rule's don't/do pair (as the
    export formats write it, without the example) and its docs link."""
    do = replacement(rule.message).rstrip(".")
    return f"- Don't: {plain(rule.title).rstrip('.')}. Do: {do}. Docs: {rule.docs}"


@dataclass(frozen=True)
class PreferencePair:
    prompt: str
    chosen: str
    rejected: str
    rule: str
    docs: str

    def to_json(self) -> str:
        return json.dumps(
            {
                "prompt": self.prompt,
                "chosen": self.chosen,
                "rejected": self.rejected,
                "rule": self.rule,
                "docs": self.docs,
            },
            ensure_ascii=False,
        )


def _prompt(source: bytes, start: int, spec: LanguageSpec, keep: int = 30) -> str:
    before = source[:start].decode("utf-8").splitlines()
    code = [line for line in before if not line.strip().startswith(spec.line_comment)]
    while code and not code[0].strip():
        code.pop(0)
    return "\n".join(code[-keep:]) + ("\n" if code else "")


def preference_pairs(pack: Pack, rule_set: RuleSet) -> list[PreferencePair]:
    """One pair per ``expect`` case that has a tested fix (``NAME.fixed.EXT``) or, failing that,
    an ``ok`` case of the same rule (same language preferred)."""
    parsed = pack_test_files(pack)
    good = {key: texts[0] for key, texts in ok_statements(parsed).items()}
    rules = {pack.full_id(rule): rule for rule in pack.rules}
    pairs: list[PreferencePair] = []
    seen: set[tuple[str, str, str]] = set()
    for file in parsed:
        spec, source = file.spec, file.source
        found = findings(file, rule_set) if file.fixed.is_file() else []
        for case in file.cases:
            rule = rules.get(case.rule)
            span = statement(source, spec, case.line) if case.kind == "expect" else None
            if rule is None or span is None:
                continue
            rejected = clean(source[span[0] : span[1]].decode(), spec)
            chosen = fixed_statement(source, spec, case, found)
            if chosen is None:
                same = good.get((case.rule, spec.name))
                chosen = same or next((v for (r, _), v in good.items() if r == case.rule), None)
            if chosen is None or chosen == rejected or (case.rule, rejected, chosen) in seen:
                continue
            seen.add((case.rule, rejected, chosen))
            pairs.append(
                PreferencePair(
                    _prompt(source, span[0], spec), chosen, rejected, case.rule, rule.docs
                )
            )
    return pairs
