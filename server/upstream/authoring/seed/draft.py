"""Write found deprecations as a draft pack: rules, test stubs, a manifest, all for review."""

from __future__ import annotations

import keyword
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from upstream.authoring.lint import MAX_MESSAGE
from upstream.authoring.seed.model import Deprecation

# Words after "use" that are not an API name ("use the `x` option", "use for await...of").
_NOT_NAMES = {
    "the", "a", "an", "this", "that", "it", "them", "for", "of", "await", "new", "const",
    "let", "var", "function", "class", "instead", "your", "its", "their",
}  # fmt: skip
DOCS_PLACEHOLDER = "https://example.com/TODO/docs-link"
# "Use insert_one or insert_many instead" -> insert_one
_REPLACEMENT = re.compile(r"\b[Uu]se\s+`?(?:[\w.]+\.)?([A-Za-z_]\w*)(?:\(\))?`?")


class _Dumper(yaml.SafeDumper):
    """Multi-line strings as ``|`` blocks, the way a maintainer would write them."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


@dataclass(frozen=True)
class Ecosystem:
    registry: str  # the `requires` key: pypi or npm
    languages: tuple[str, ...]  # the rule's languages; the first is the test file's
    extension: str
    comment: str


PYTHON = Ecosystem("pypi", ("python",), ".py", "#")
# Type declarations describe the API for JavaScript callers too.
TYPESCRIPT = Ecosystem("npm", ("typescript", "javascript"), ".ts", "//")


@dataclass
class _Rule:
    id: str
    apis: list[Deprecation]
    pattern: str
    expect: str
    ok: str
    # Other rules whose pattern also matches the expect line.
    also_expected: list[str] = field(default_factory=list)


def write_draft(
    deprecations: list[Deprecation],
    ecosystem: Ecosystem,
    pack_name: str,
    distribution: str,
    version: str | None,
    output: Path,
) -> int:
    """Write the draft pack into ``output`` (created; must be empty); return the rule count."""
    if output.exists() and any(output.iterdir()):
        from upstream.errors import UsageError

        raise UsageError(f"{output} already exists and is not empty; choose another -o DIR")
    groups: dict[str, list[Deprecation]] = defaultdict(list)
    for item in deprecations:
        groups[_pattern(item, ecosystem)].append(item)
    names = {item.name for item in deprecations}
    rules: list[_Rule] = []
    used: set[str] = set()
    for pattern, apis in groups.items():
        rule_id = _unique(_rule_id(apis), used)
        expect, ok = _cases(apis[0], ecosystem, names)
        rules.append(_Rule(rule_id, apis, pattern, expect, ok))
    # `$OBJ.insert($$$)` also matches `pymongo.message.insert()`, and `$OBJ.size` matches
    # `numpy.size`: such lines expect both.
    member_rules: dict[tuple[str, bool], list[str]] = defaultdict(list)
    for rule in rules:
        if rule.apis[0].kind in ("method", "property", "field"):
            called = rule.apis[0].kind == "method"
            member_rules[(rule.apis[0].name, called)].append(rule.id)
    for rule in rules:
        kind, name = rule.apis[0].kind, rule.apis[0].name
        if ecosystem is PYTHON and kind in ("function", "class", "attribute", "module"):
            rule.also_expected = member_rules.get((name, False), [])
            if kind in ("function", "class"):
                rule.also_expected = rule.also_expected + member_rules.get((name, True), [])
    # A deprecated module's rule (`scipy.misc`) matches every name used through it.
    modules = {r.apis[0].qualified: r.id for r in rules if r.apis[0].kind == "module"}
    for rule in rules:
        rule.also_expected += [
            rule_id for path, rule_id in modules.items() if rule.expect.startswith(path + ".")
        ]
    by_file: dict[str, list[_Rule]] = defaultdict(list)
    for rule in rules:
        by_file[_file_stem(rule.apis[0])].append(rule)
    output.mkdir(parents=True, exist_ok=True)
    (output / "tests").mkdir(exist_ok=True)
    (output / "pack.yaml").write_text(_manifest(pack_name, distribution, version), "utf-8")
    for stem, file_rules in sorted(by_file.items()):
        body = [_rule_data(rule, ecosystem, distribution, version) for rule in file_rules]
        header = (
            f"# Drafted by `upstream pack seed` from {distribution} {version or ''}: review every\n"
            "# rule, replace each TODO docs link, and make each message say what to use instead.\n"
        )
        text = header + yaml.dump(
            {"rules": body}, Dumper=_Dumper, sort_keys=False, width=96, allow_unicode=True
        )
        (output / f"{stem}.yaml").write_text(text, "utf-8")
        (output / "tests" / f"{stem}{ecosystem.extension}").write_text(
            _test_file(file_rules, ecosystem), "utf-8"
        )
    return len(rules)


def _file_stem(item: Deprecation) -> str:
    last = item.module.replace("/", ".").split(".")[-1]
    stem = re.sub(r"[^a-z0-9_-]+", "-", last.lower()).strip("-")
    return stem if stem and stem not in ("pack", "__init__") else "api"


def _slug(text: str) -> str:
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", text)
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _rule_id(apis: list[Deprecation]) -> str:
    if len(apis) == 1:
        return f"{_slug(apis[0].display)}-{_state(apis[0])}"
    return f"{_slug(apis[0].name)}-{_state(apis[0])}"


def _state(api: Deprecation) -> str:
    return "removed" if api.removed else "deprecated"


def _unique(rule_id: str, used: set[str]) -> str:
    candidate, number = rule_id, 2
    while candidate in used:
        candidate, number = f"{rule_id}-{number}", number + 1
    used.add(candidate)
    return candidate


def _pattern(item: Deprecation, ecosystem: Ecosystem) -> str:
    call = "($$$)"
    if ecosystem is PYTHON:
        if item.kind == "method":
            return f"$OBJ.{item.name}{call}"
        if item.kind in ("property", "field"):
            return f"$OBJ.{item.name}"
        if item.kind in ("attribute", "module"):
            return f"{item.module}.{item.name}"  # a dotted name: used, called or imported
        return f"{item.module}.{item.name}{call}"
    if item.kind == "method":
        return f"$OBJ.{item.name}{call}"
    if item.kind == "field":
        return f"{{ {item.name}: $VALUE, $$$ }}"  # an options object that sets it
    if item.kind == "property":
        return f"$OBJ.{item.name}"
    if item.kind == "class":
        return f"new {item.name}{call}"
    return f"{item.name}{call}"


def _replacement(item: Deprecation, names: set[str]) -> str | None:
    """The API the library's message says to use instead, if it names one."""
    for match in _REPLACEMENT.finditer(item.message or ""):
        name = match.group(1)
        if (
            name != item.name
            and name not in names
            and name.isidentifier()
            and not keyword.iskeyword(name)
            and name.lower() not in _NOT_NAMES
        ):
            return name
    return None


def _cases(item: Deprecation, ecosystem: Ecosystem, names: set[str]) -> tuple[str, str]:
    """An expect line (the deprecated use) and an ok line (the replacement, or the name in a
    string: a reference to the callable is a use, reported like a call)."""
    better = _replacement(item, names)
    end = ";" if ecosystem is TYPESCRIPT else ""
    mention = f'console.log("{item.name}");' if ecosystem is TYPESCRIPT else f'print("{item.name}")'
    if item.kind == "method":
        ok = f"value.{better}(){end}" if better else mention
        return f"value.{item.name}(){end}", ok
    if item.kind == "field" and ecosystem is TYPESCRIPT:
        ok = f"value({{ {better or 'other'}: 1 }});"
        return f"value({{ {item.name}: 1 }});", ok
    if item.kind in ("property", "field"):
        ok = f"value.{better}{end}" if better else mention
        return f"value.{item.name}{end}", ok
    if ecosystem is PYTHON:
        qualified = f"{item.module}.{item.name}"
        ok = f"{item.module}.{better}()" if better else mention
        return (qualified if item.kind in ("attribute", "module") else f"{qualified}()"), ok
    prefix = "new " if item.kind == "class" else ""
    ok = f"{prefix}{better}(){end}" if better else f'console.log("{item.name}");'
    return f"{prefix}{item.name}(){end}", ok


def _message(apis: list[Deprecation], distribution: str) -> str:
    first = apis[0]
    names = ", ".join(f"`{api.display}`" for api in apis)
    verb = "is" if len(apis) == 1 else "are"
    if first.removed:
        state = f"removed in {distribution} {first.removed}"
    else:
        state = "deprecated" + (f" since {distribution} {first.version}" if first.version else "")
    said = first.message or ""
    if said and not said.endswith((".", "!", "?")):
        said += "."
    if not re.search(r"\b(?:use|instead)\b", said, re.IGNORECASE):
        said = f"{said} TODO: say what to use instead".strip()
    text = f"{names} {verb} {state}: {said}"
    if len(text) > MAX_MESSAGE:
        text = text[: MAX_MESSAGE - 1].rsplit(" ", 1)[0] + "…"
    return text


def _rule_data(
    rule: _Rule, ecosystem: Ecosystem, distribution: str, version: str | None
) -> dict[str, object]:
    first = rule.apis[0]
    names = ", ".join(f"`{api.display}`" for api in rule.apis)
    data: dict[str, object] = {
        "id": rule.id,
        "title": f"{names} {'is' if len(rule.apis) == 1 else 'are'} {_state(first)}",
        # A removal the library states is an error from that release; a deprecation warns.
        "severity": "error" if first.removed else "warning",
        "languages": list(ecosystem.languages),
        "message": _message(rule.apis, distribution),
        "docs": DOCS_PLACEHOLDER,
        "tags": ["deprecated"],
    }
    stated = first.removed or first.version
    if stated:
        data["requires"] = {ecosystem.registry: f"{distribution}>={stated}"}
    elif version:
        # Deprecated by this release at the latest: a gate that is never wrong, to lower.
        data["requires"] = {ecosystem.registry: f"{distribution}>={version}"}
    data["imports"] = sorted({api.package for api in rule.apis})
    data["match"] = {"pattern": rule.pattern}
    where = "\n".join(_provenance(api) for api in rule.apis)
    gate = (
        ""
        if stated or not version
        else f"TODO: the library does not say when; `requires` is {version}, lower it.\n\n"
    )
    data["explanation"] = (
        f"Found in {distribution} {version or ''} by `upstream pack seed`:\n\n{where}\n\n{gate}"
        "TODO: why it was deprecated and what to write instead, with an example.\n"
    )
    return data


def _provenance(api: Deprecation) -> str:
    signals = ", ".join(sorted(api.signals))
    since = f"; deprecated in {api.version}" if api.version else ""
    since += f"; removed in {api.removed}" if api.removed else ""
    return f"- `{api.qualified}` ({api.kind}), {api.file}:{api.line}: {signals}{since}"


def _test_file(rules: list[_Rule], ecosystem: Ecosystem) -> str:
    packages = sorted({api.package for rule in rules for api in rule.apis})
    modules = sorted(
        {
            api.module
            for rule in rules
            for api in rule.apis
            if api.kind in ("function", "class", "attribute", "module")
        }
    )
    lines: list[str] = []
    if ecosystem is PYTHON:
        lines += [f"import {name}" for name in sorted(set(packages) | set(modules))]
        lines += ["", "value = object()", ""]
    else:
        lines += [f'import * as lib{index} from "{name}";' for index, name in enumerate(packages)]
        classes = sorted(
            {api.name for rule in rules for api in rule.apis if api.kind in ("class", "function")}
        )
        if classes:
            lines.append(f'import {{ {", ".join(classes)} }} from "{packages[0]}";')
        lines += ["", "declare const value: any;", ""]
    c = ecosystem.comment
    for rule in rules:
        expected = ", ".join([rule.id, *rule.also_expected])
        lines += [f"{c} expect: {expected}", rule.expect, f"{c} ok: {rule.id}", rule.ok, ""]
    return "\n".join(lines)


def _manifest(pack_name: str, distribution: str, version: str | None) -> str:
    data = {
        "name": pack_name,
        "version": "0.1.0",
        "title": distribution,
        "description": f"Deprecated {distribution} APIs (drafted from {distribution} "
        f"{version or 'source'} by `upstream pack seed`; TODO: review).",
        "publisher": "TODO",
        "homepage": f"https://example.com/TODO/{distribution}",
        "upstream": ">=0.1",
    }
    return yaml.safe_dump(data, sort_keys=False, width=96)
