"""``upstream pack new``: a pack folder whose example rule and tests pass ``upstream test``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from upstream.errors import UsageError

_PACK_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass(frozen=True)
class _Example:
    """How the example rule looks in one language."""

    pattern: str
    extension: str
    comment: str
    # Test file text; {expect} and {ok} are replaced by the annotated lines.
    test: str
    bad: str
    good: str
    imports_module: bool


def _python_module(name: str) -> str:
    return re.sub(r"[^a-z0-9_]", "_", name)


def _examples(name: str) -> dict[str, _Example]:
    module = _python_module(name)
    js = _Example(
        pattern="$CLIENT.oldMethod($$$)",
        extension=".js",
        comment="//",
        test=f'const lib = require("{name}");\n\nconst client = lib.connect();\n{{body}}',
        bad="client.oldMethod(1);",
        good="client.newMethod(1);",
        imports_module=True,
    )
    ts = _Example(
        pattern=js.pattern,
        extension=".ts",
        comment="//",
        test=f'import * as lib from "{name}";\n\nconst client = lib.connect();\n{{body}}',
        bad=js.bad,
        good=js.good,
        imports_module=True,
    )
    return {
        "python": _Example(
            pattern="$CLIENT.old_method($$$)",
            extension=".py",
            comment="#",
            test=f"import {module}\n\nclient = {module}.connect()\n{{body}}",
            bad="client.old_method(1)",
            good="client.new_method(1)",
            imports_module=True,
        ),
        "javascript": js,
        "typescript": ts,
        "tsx": _Example(
            pattern=js.pattern,
            extension=".tsx",
            comment="//",
            test=ts.test,
            bad=js.bad,
            good=js.good,
            imports_module=True,
        ),
        "java": _Example(
            pattern="$CLIENT.oldMethod($$$)",
            extension=".java",
            comment="//",
            test="class Example {\n  void run(Client client) {\n{body}  }\n}\n",
            bad="    client.oldMethod(1);",
            good="    client.newMethod(1);",
            imports_module=False,
        ),
        "go": _Example(
            pattern="$CLIENT.OldMethod($$$)",
            extension=".go",
            comment="//",
            test="package example\n\nfunc run(client Client) {\n{body}}\n",
            bad="\tclient.OldMethod(1)",
            good="\tclient.NewMethod(1)",
            imports_module=False,
        ),
    }


SCAFFOLD_LANGUAGES = ("python", "javascript", "typescript", "tsx", "java", "go")


def scaffold_pack(name: str, languages: list[str], folder: Path) -> list[Path]:
    """Write a new pack called ``name`` into ``folder``; return the files written.

    The folder must not exist or be empty, so a scaffold never overwrites a maintainer's work.
    """
    if not _PACK_NAME.match(name):
        raise UsageError(
            f"pack name {name!r}: use lowercase letters, digits, '.', '_' or '-' "
            "(usually the library's package name)"
        )
    languages = languages or ["python"]
    unknown = [language for language in languages if language not in SCAFFOLD_LANGUAGES]
    if unknown:
        raise UsageError(f"--language {unknown[0]}: pack new knows {', '.join(SCAFFOLD_LANGUAGES)}")
    languages = list(dict.fromkeys(languages))
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(f"{folder} already exists and is not empty; choose another -o DIR")
    examples = _examples(name)
    files: dict[Path, str] = {
        folder / "pack.yaml": _manifest(name),
        folder / "rules.yaml": _rule_file(name, languages, examples),
        folder / "README.md": _readme(name),
    }
    for language in languages:
        example = examples[language]
        body = (
            f"{_indent(example.bad)}{example.comment} expect: old-method-removed\n"
            f"{example.bad}\n"
            f"{_indent(example.good)}{example.comment} ok: old-method-removed\n"
            f"{example.good}\n"
        )
        test = folder / "tests" / f"example_{language}{example.extension}"
        files[test] = example.test.replace("{body}", body)
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _manifest(name: str) -> str:
    return (
        f"name: {name}\n"
        "version: 0.1.0\n"
        f"title: {name}\n"
        "description: >-\n"
        f"  APIs of {name} that changed or were removed, and what to write instead.\n"
        "publisher: TODO your name or organisation\n"
        f"homepage: https://example.com/TODO/{name}\n"
        "license: Apache-2.0\n"
        'upstream: ">=0.1"\n'
    )


def _rule_file(name: str, languages: list[str], examples: dict[str, _Example]) -> str:
    chosen = [examples[language] for language in languages]
    if len({example.pattern for example in chosen}) == 1:
        match = f"    match:\n      pattern: {chosen[0].pattern}\n"
    else:
        match = "    match:\n" + "".join(
            f"      {language}:\n        pattern: {examples[language].pattern}\n"
            for language in languages
        )
    modules = []
    if all(example.imports_module for example in chosen):
        if any(language != "python" for language in languages):
            modules.append(name)
        if "python" in languages:
            modules.append(_python_module(name))
    imports = f"    imports: [{', '.join(dict.fromkeys(modules))}]\n" if modules else ""
    return (
        "# One rule per API that changed. `upstream pack lint .` reviews this file;\n"
        "# `upstream test .` runs the annotated examples in tests/.\n"
        "rules:\n"
        "  - id: old-method-removed\n"
        f'    title: "`old_method` was removed in {name} 2.0"\n'
        "    severity: warning\n"
        f"    languages: [{', '.join(languages)}]\n"
        "    message: >-\n"
        f"      `old_method` was removed in {name} 2.0 (deprecated since 1.5); call\n"
        "      `new_method` with the same arguments instead\n"
        f"    docs: https://example.com/TODO/{name}/migration\n"
        "    tags: [deprecated]\n"
        f"    requires: {{ {_gates(name, languages)} }}\n"
        f"{imports}"
        f"{match}"
        "    explanation: |\n"
        "      Why the API changed and what to write instead, in Markdown; shown on hover.\n"
    )


def _readme(name: str) -> str:
    return (
        f"# {name} rule pack for upstream\n\n"
        f"Rules for code that uses {name}: APIs that were removed or deprecated, and what to\n"
        "write instead.\n\n"
        "```sh\n"
        "upstream pack lint .      # review the rules\n"
        "upstream test .           # run the annotated examples in tests/\n"
        "upstream pack build .     # write the archive to publish\n"
        "```\n\n"
        "Replace every `TODO` (the docs links, `homepage`, `publisher`) before publishing.\n"
    )


def _gates(name: str, languages: list[str]) -> str:
    """The example's version gate, in each ecosystem the languages point to."""
    gates: dict[str, str] = {}
    for language in languages:
        if language == "python":
            gates["pypi"] = f"{name}>=2.0"
        elif language in ("javascript", "typescript", "tsx"):
            gates["npm"] = f"{name}>=2.0"
        elif language == "java":
            gates["maven"] = f"com.example:{name}>=2.0"
        elif language == "go":
            gates["go"] = f"example.com/{name}>=2.0"
    return ", ".join(f'{key}: "{value}"' for key, value in gates.items())
