"""Load a pack folder into a validated ``Pack``, or say everything that is wrong with it.

Every problem is one line that names ``file:line``, the field and, for a rule, its id.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version
from pydantic import ValidationError

from upstream import __version__
from upstream.errors import PackError, Problem
from upstream.packs.schema import Pack, PackManifest, Rule, TypeDeclaration
from upstream.packs.yaml_source import YamlDocument, YamlSyntaxError, load_yaml

MANIFEST = "pack.yaml"
RULE_FILE_SUFFIXES = (".yaml", ".yml")
# A rule file holds rules, the library's object model (types), or both.
_TOP_KEYS = ("rules", "types")


def is_pack(path: Path) -> bool:
    return (path / MANIFEST).is_file()


def load_pack(path: Path, overlay: Mapping[Path, str] | None = None) -> Pack:
    """Read and validate the pack at ``path``; raise PackError listing every problem.

    ``overlay`` maps resolved file paths to text that replaces what is on disk: an editor's
    unsaved buffers, so a pack being written is checked as it is typed.
    """
    overlay = overlay or {}
    if not path.is_dir():
        raise PackError([Problem(path, None, "no such pack folder")])
    manifest_path = path / MANIFEST
    if not manifest_path.is_file():
        raise PackError([Problem(path, None, f"not a pack (no {MANIFEST})")])
    problems: list[Problem] = []
    manifest = _load_manifest(manifest_path, problems, overlay)
    rules: list[Rule] = []
    types: list[TypeDeclaration] = []
    locations: dict[str, tuple[str, int]] = {}
    rule_files = sorted(
        file
        for file in path.iterdir()
        if file.is_file() and file.suffix in RULE_FILE_SUFFIXES and file.name != MANIFEST
    )
    if not rule_files:
        problems.append(Problem(path, None, f"pack has no rule files (*.yaml beside {MANIFEST})"))
    for file in rule_files:
        _load_rule_file(file, rules, types, locations, problems, overlay)
    if problems or manifest is None:
        raise PackError(problems)
    return Pack(
        manifest=manifest,
        path=str(path),
        rules=tuple(rules),
        rule_locations=locations,
        types=tuple(types),
    )


def _read(file: Path, problems: list[Problem], overlay: Mapping[Path, str]) -> YamlDocument | None:
    try:
        text = overlay.get(file.resolve())
        if text is None:
            text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(file, None, f"cannot read: {error}"))
        return None
    try:
        return load_yaml(text)
    except YamlSyntaxError as error:
        problems.append(Problem(file, error.line, str(error)))
        return None


def _load_manifest(
    file: Path, problems: list[Problem], overlay: Mapping[Path, str]
) -> PackManifest | None:
    document = _read(file, problems, overlay)
    if document is None:
        return None
    if not isinstance(document.data, dict):
        problems.append(
            Problem(file, 1, f"{MANIFEST} must be a mapping of name, version, title, ...")
        )
        return None
    try:
        manifest = PackManifest.model_validate(document.data)
    except ValidationError as error:
        problems.extend(_validation_problems(file, document, (), error))
        return None
    try:
        supported = SpecifierSet(manifest.upstream)
    except InvalidSpecifier:
        line = document.line_of(("upstream",))
        problems.append(
            Problem(file, line, f"upstream: {manifest.upstream!r} is not a version specifier")
        )
        return None
    if not supported.contains(Version(__version__), prereleases=True):
        line = document.line_of(("upstream",))
        problems.append(
            Problem(
                file,
                line,
                f"pack {manifest.name} needs upstream {manifest.upstream}, "
                f"this is {__version__}: upgrade upstream (pip install -U upstream)",
            )
        )
    return manifest


def _load_rule_file(
    file: Path,
    rules: list[Rule],
    types: list[TypeDeclaration],
    locations: dict[str, tuple[str, int]],
    problems: list[Problem],
    overlay: Mapping[Path, str],
) -> None:
    document = _read(file, problems, overlay)
    if document is None:
        return
    data = document.data
    if not isinstance(data, dict) or not any(isinstance(data.get(k), list) for k in _TOP_KEYS):
        problems.append(
            Problem(file, 1, "a rule file needs a top-level 'rules:' (or 'types:') list")
        )
        return
    unknown = sorted(set(data) - set(_TOP_KEYS))
    if unknown:
        line = document.line_of((unknown[0],))
        message = f"unknown top-level key {unknown[0]!r} (only 'rules' and 'types')"
        problems.append(Problem(file, line, message))
    _load_types(file, document, types, problems)
    for index, raw in enumerate(data.get("rules") or []):
        base = ("rules", index)
        line = document.line_of(base)
        rule_id = raw.get("id") if isinstance(raw, dict) else None
        try:
            rule = Rule.model_validate(raw)
        except ValidationError as error:
            problems.extend(_validation_problems(file, document, base, error, rule_id))
            continue
        if rule.id in locations:
            first_file, first_line = locations[rule.id]
            message = f"rule {rule.id}: duplicate id (first at {first_file}:{first_line})"
            problems.append(Problem(file, line, message))
            continue
        rules.append(rule)
        locations[rule.id] = (str(file), line)


def _load_types(
    file: Path, document: YamlDocument, types: list[TypeDeclaration], problems: list[Problem]
) -> None:
    declared = document.data.get("types")
    if declared is None:
        return
    if not isinstance(declared, list):
        problems.append(Problem(file, document.line_of(("types",)), "'types' must be a list"))
        return
    for index, raw in enumerate(declared):
        try:
            types.append(TypeDeclaration.model_validate(raw))
        except ValidationError as error:
            problems.extend(_validation_problems(file, document, ("types", index), error))


def _validation_problems(
    file: Path,
    document: YamlDocument,
    base: tuple[str | int, ...],
    error: ValidationError,
    rule_id: Any = None,
) -> list[Problem]:
    prefix = f"rule {rule_id}: " if isinstance(rule_id, str) else ""
    problems = []
    for item in error.errors():
        location = (*base, *item["loc"])
        line = document.line_of(location)
        field = _field_path(document, location)
        problems.append(Problem(file, line, f"{prefix}{field}: {item['msg']}"))
    return problems


def _field_path(document: YamlDocument, location: tuple[Any, ...]) -> str:
    """``rules[0].match.pattern`` for a pydantic location, without its union tags."""
    parts: list[str] = []
    current: tuple[Any, ...] = ()
    for index, part in enumerate(location):
        candidate = (*current, part)
        is_last = index == len(location) - 1
        if candidate in document.lines or is_last:
            if isinstance(part, int):
                parts.append(f"[{part}]")
            else:
                parts.append(("." if parts else "") + str(part))
            current = candidate
    return "".join(parts) or "(top level)"
