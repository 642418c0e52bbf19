"""Translate bundled rules into the benchmark's three rule sets: ours, ast-grep's, Semgrep's.

    python bench/translate.py        # rewrites bench/rules/

Our matcher language is ast-grep's (pattern, kind, regex, all, any, not, inside, has, and
metavariable constraints), so the ast-grep side is a mechanical rewrite. Semgrep has no `kind`
and no `has`, and its `regex` matches text, not a node; rules that need those are left out of the
Semgrep set. Neither peer can express `imports:` (the rule only applies when the file imports
the library) or `requires:` (version gates from the project's manifests), so the benchmark pack
(bench/rules/upstream) drops both from every rule: the three tools then run the same question.
Each rule's notes go to bench/rules/NOTES.md.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml
from upstream.model import Matcher, Rule, Where
from upstream.packs import bundled_pack_paths, load_rule_set

HERE = Path(__file__).resolve().parent
OUT = HERE / "rules"
LANGUAGES = {"python": "python", "javascript": "javascript", "typescript": "typescript"}
AST_GREP_LANGUAGE = {"python": "Python", "javascript": "JavaScript", "typescript": "TypeScript"}


class Untranslatable(Exception):
    pass


def ast_grep_matcher(matcher: Matcher) -> dict[str, Any]:
    if matcher.query is not None:
        raise Untranslatable("a raw tree-sitter query")
    out: dict[str, Any] = {}
    if matcher.pattern is not None:
        out["pattern"] = matcher.pattern
    if matcher.kind is not None:
        if isinstance(matcher.kind, list):
            out.setdefault("all", []).append({"any": [{"kind": k} for k in matcher.kind]})
        else:
            out["kind"] = matcher.kind
    if matcher.regex is not None:
        out["regex"] = matcher.regex
    if matcher.all is not None:
        out.setdefault("all", []).extend(ast_grep_matcher(m) for m in matcher.all)
    if matcher.any is not None:
        out["any"] = [ast_grep_matcher(m) for m in matcher.any]
    if matcher.not_ is not None:
        out["not"] = ast_grep_matcher(matcher.not_)
    # Ours look through every ancestor / descendant; ast-grep's default stops at the neighbour.
    if matcher.inside is not None:
        out["inside"] = {**ast_grep_matcher(matcher.inside), "stopBy": "end"}
    if matcher.has is not None:
        out["has"] = {**ast_grep_matcher(matcher.has), "stopBy": "end"}
    return out


def ast_grep_constraint(where: Where) -> dict[str, Any]:
    parts: list[dict[str, Any]] = []
    if where.regex is not None:
        parts.append({"regex": where.regex})
    if where.not_regex is not None:
        parts.append({"not": {"regex": where.not_regex}})
    if where.in_ is not None:
        parts.append({"regex": "^(" + "|".join(re.escape(v) for v in where.in_) + ")$"})
    if where.kind is not None:
        kinds = [where.kind] if isinstance(where.kind, str) else where.kind
        parts.append({"any": [{"kind": k} for k in kinds]})
    if where.pattern is not None:
        parts.append({"pattern": where.pattern})
    return parts[0] if len(parts) == 1 else {"all": parts}


def semgrep_pattern(pattern: str) -> str:
    pattern = re.sub(r"\$\$\$([A-Z_][A-Z0-9_]*)", r"$...\1", pattern)
    return pattern.replace("$$$", "...")


def semgrep_matcher(matcher: Matcher) -> list[dict[str, Any]]:
    """A list of Semgrep `patterns:` items that must all hold."""
    if matcher.query is not None:
        raise Untranslatable("a raw tree-sitter query")
    if matcher.kind is not None:
        raise Untranslatable("`kind` (Semgrep has no node-kind matcher)")
    if matcher.has is not None:
        raise Untranslatable("`has` (Semgrep has no descendant matcher)")
    items: list[dict[str, Any]] = []
    if matcher.pattern is not None:
        items.append({"pattern": semgrep_pattern(matcher.pattern)})
    if matcher.regex is not None:
        if not items:
            raise Untranslatable("a bare node `regex` (Semgrep's regex matches text)")
        items.append({"metavariable-regex-self": matcher.regex})
    for sub in matcher.all or []:
        items.extend(semgrep_matcher(sub))
    if matcher.any is not None:
        items.append({"pattern-either": [_either(m) for m in matcher.any]})
    if matcher.not_ is not None:
        negated = semgrep_matcher(matcher.not_)
        if len(negated) != 1 or "pattern" not in negated[0]:
            raise Untranslatable("`not` of a compound matcher")
        items.append({"pattern-not": negated[0]["pattern"]})
    if matcher.inside is not None:
        inside = semgrep_matcher(matcher.inside)
        if len(inside) != 1 or "pattern" not in inside[0]:
            raise Untranslatable("`inside` a compound matcher")
        items.append({"pattern-inside": inside[0]["pattern"]})
    if any("metavariable-regex-self" in item for item in items):
        raise Untranslatable("a node `regex` next to a pattern")
    if not items:
        raise Untranslatable("an empty matcher")
    return items


def _either(matcher: Matcher) -> dict[str, Any]:
    items = semgrep_matcher(matcher)
    return items[0] if len(items) == 1 and "pattern" in items[0] else {"patterns": items}


def semgrep_where(name: str, where: Where) -> list[dict[str, Any]]:
    if where.kind is not None or where.pattern is not None:
        raise Untranslatable(f"`where: {name}` by kind or pattern")
    items: list[dict[str, Any]] = []
    if where.regex is not None:
        items.append({"metavariable-regex": {"metavariable": f"${name}", "regex": where.regex}})
    if where.not_regex is not None:
        regex = f"^(?!.*(?:{where.not_regex}))"
        items.append({"metavariable-regex": {"metavariable": f"${name}", "regex": regex}})
    if where.in_ is not None:
        regex = "^(" + "|".join(re.escape(v) for v in where.in_) + ")$"
        items.append({"metavariable-regex": {"metavariable": f"${name}", "regex": regex}})
    return items


def main() -> int:
    loaded = load_rule_set(bundled_pack_paths())
    if OUT.exists():
        shutil.rmtree(OUT)
    (OUT / "ast-grep" / "rules").mkdir(parents=True)
    (OUT / "semgrep").mkdir(parents=True)
    (OUT / "upstream").mkdir(parents=True)
    ours: list[dict[str, Any]] = []
    semgrep: list[dict[str, Any]] = []
    notes: list[str] = []
    for full_id, (_pack, rule) in sorted(loaded.rule_set.rules.items()):
        languages = [lang for lang in rule.languages if lang in LANGUAGES]
        if not languages:
            continue
        bench_id = full_id.replace("/", "--")
        try:
            grep_docs = [_ast_grep_rule(bench_id, rule, lang) for lang in languages]
        except Untranslatable as why:
            notes.append(f"- `{full_id}`: left out: ast-grep can't express {why}")
            continue
        note = []
        if rule.imports:
            note.append("`imports` dropped (neither peer can express it)")
        if rule.requires:
            note.append("`requires` dropped (neither peer has version gates)")
        try:
            semgrep.extend(_semgrep_rule(bench_id, rule, lang) for lang in languages)
        except Untranslatable as why:
            note.append(f"not in the Semgrep set: {why}")
        for lang, document in zip(languages, grep_docs, strict=True):
            (OUT / "ast-grep" / "rules" / f"{bench_id}.{lang}.yml").write_text(
                yaml.safe_dump(document, sort_keys=False)
            )
        data = rule.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True)
        data.pop("imports", None)
        data.pop("requires", None)
        data.pop("fix", None)
        data["id"] = bench_id
        data["languages"] = languages
        if isinstance(rule.match, dict):
            data["match"] = {k: v for k, v in data["match"].items() if k in languages}
        data.pop("explanation", None)
        ours.append(data)
        notes.append(f"- `{full_id}`: " + ("; ".join(note) or "same in all three"))
    (OUT / "upstream" / "pack.yaml").write_text(
        "name: bench\nversion: 0.1.0\ntitle: Bundled rules without imports/requires gates\n"
    )
    (OUT / "upstream" / "rules.yaml").write_text(
        yaml.safe_dump({"rules": ours}, sort_keys=False, allow_unicode=True)
    )
    (OUT / "semgrep" / "rules.yml").write_text(
        yaml.safe_dump({"rules": semgrep}, sort_keys=False, allow_unicode=True)
    )
    (OUT / "ast-grep" / "sgconfig.yml").write_text("ruleDirs:\n  - rules\n")
    header = (
        "# Benchmark rules: what each tool can't express\n\n"
        f"{len(ours)} rules in the ast-grep and upstream sets, "
        f"{len({r['id'].rsplit('.', 1)[0] for r in semgrep})} in the Semgrep set. "
        "Generated by `python bench/translate.py` from the bundled packs.\n\n"
    )
    (OUT / "NOTES.md").write_text(header + "\n".join(notes) + "\n")
    print(f"{len(ours)} rules for upstream/ast-grep, {len(semgrep)} Semgrep rule-languages")
    return 0


def _ast_grep_rule(bench_id: str, rule: Rule, language: str) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": f"{bench_id}.{language}",
        "language": AST_GREP_LANGUAGE[language],
        "severity": "warning",
        "message": rule.title,
        "rule": ast_grep_matcher(rule.matcher_for(language)),
    }
    if rule.where:
        document["constraints"] = {n: ast_grep_constraint(w) for n, w in rule.where.items()}
    return document


def _semgrep_rule(bench_id: str, rule: Rule, language: str) -> dict[str, Any]:
    items = semgrep_matcher(rule.matcher_for(language))
    for name, where in rule.where.items():
        items.extend(semgrep_where(name, where))
    return {
        "id": f"{bench_id}.{language}",
        "languages": [language],
        "severity": "WARNING",
        "message": rule.title,
        "patterns": items,
    }


if __name__ == "__main__":
    sys.exit(main())
