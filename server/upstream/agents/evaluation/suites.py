"""Prompt suites: the requests a maintainer sends every model, kept as pack data.

A suite is a YAML file holding a list of prompts; a pack keeps its suites in ``prompts/``
(beside its rule files, which the pack loader reads from the pack's top folder only)::

    - id: count-matching
      topic: driver CRUD
      language: python
      prompt: Write a function that counts the documents matching a filter with pymongo.
      rules: [pymongo/collection-count-removed]   # optional; a bare id means this pack's
      system: You are a senior Python developer.   # optional

``load_suite`` reports every problem of a file (``file:line: prompt ID: field: message``, as
the pack loader does); ``resolve_suites``, for the command line, the first one as a usage error.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from upstream.engine import language_for_id
from upstream.errors import PackError, Problem, UsageError
from upstream.packs.loader import MANIFEST, RULE_FILE_SUFFIXES
from upstream.packs.yaml_source import YamlSyntaxError, load_yaml
from upstream.workspace.packs import bundled_by_name

PROMPTS_FOLDER = "prompts"


class SuitePrompt(BaseModel):
    """One request to the models, and what it is about."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9][\w.-]*$")
    prompt: str = Field(min_length=1)
    language: str
    topic: str = Field(min_length=1)
    system: str | None = None
    rules: tuple[str, ...] = ()

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        spec = language_for_id(value.lower())
        if spec is None:
            raise ValueError(f"unknown language {value!r}")
        return spec.name


@dataclass(frozen=True)
class Suite:
    """The prompts of one suite file; ``pack`` names the pack whose ``prompts/`` holds it."""

    path: Path
    prompts: tuple[SuitePrompt, ...]
    pack: str | None = None

    def full_rules(self, prompt: SuitePrompt) -> tuple[str, ...]:
        """The prompt's rule ids with their pack: a bare id belongs to the suite's pack."""
        return tuple(
            rule if "/" in rule or self.pack is None else f"{self.pack}/{rule}"
            for rule in prompt.rules
        )


def load_suite(path: Path, pack: str | None = None) -> Suite:
    """Read and validate one suite file; raise PackError listing every problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PackError([Problem(path, None, f"cannot read: {error}")]) from None
    try:
        document = load_yaml(text)
    except YamlSyntaxError as error:
        raise PackError([Problem(path, error.line, str(error))]) from None
    if not isinstance(document.data, list) or not document.data:
        raise PackError([Problem(path, 1, "a suite is a non-empty list of prompts")])
    problems: list[Problem] = []
    prompts: list[SuitePrompt] = []
    first_line: dict[str, int] = {}
    for index, raw in enumerate(document.data):
        try:
            prompt = SuitePrompt.model_validate(raw)
        except ValidationError as error:
            label = _label(raw, index)
            for item in error.errors():
                line = document.line_of((index, *item["loc"]))
                message = f"prompt {label}: {_field(item['loc'])}: {item['msg']}"
                problems.append(Problem(path, line, message))
            continue
        line = document.line_of((index,))
        if prompt.id in first_line:
            message = f"prompt {prompt.id}: duplicate id (first at line {first_line[prompt.id]})"
            problems.append(Problem(path, line, message))
            continue
        first_line[prompt.id] = line
        prompts.append(prompt)
    if problems:
        raise PackError(problems)
    return Suite(path, tuple(prompts), pack)


def _label(raw: object, index: int) -> str:
    """The prompt's id when it has a usable one, else its place in the file (#1 first)."""
    name = raw.get("id") if isinstance(raw, dict) else None
    return name if isinstance(name, str) and name else f"#{index + 1}"


def _field(location: tuple[int | str, ...]) -> str:
    """``rules[0]`` for pydantic's ``("rules", 0)``."""
    text = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in location)
    return text.lstrip(".") or "(the prompt)"


def pack_suite_files(pack_dir: Path) -> list[Path]:
    """The suite files in a pack's ``prompts/`` folder, sorted (none without one)."""
    folder = pack_dir / PROMPTS_FOLDER
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in RULE_FILE_SUFFIXES)


def load_pack_suites(pack_dir: Path, pack: str | None = None) -> list[Suite]:
    """Every suite of a pack (``pack`` defaults to the name in its manifest)."""
    name = pack or pack_name(pack_dir)
    return [load_suite(file, name) for file in pack_suite_files(pack_dir)]


def pack_name(pack_dir: Path) -> str:
    """The ``name`` in the pack's manifest, which prefixes its rule ids (else the folder's)."""
    try:
        data = load_yaml((pack_dir / MANIFEST).read_text(encoding="utf-8")).data
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        return pack_dir.name  # loading the pack's rules reports the broken manifest
    name = data.get("name") if isinstance(data, dict) else None
    return name if isinstance(name, str) and name else pack_dir.name


def resolve_suites(values: Sequence[str]) -> list[Suite]:
    """The suites a command line names: suite files, pack folders or bundled pack names.

    Raises UsageError for a name that is none of these, for a bad suite (its first problem,
    one line) and when two suites use the same prompt id (the id names the answer).
    """
    bundled = bundled_by_name()
    suites: list[Suite] = []
    for value in values:
        try:
            suites.extend(_suites_named(value, bundled))
        except PackError as error:
            more = len(error.problems) - 1
            raise UsageError(error.problems[0] + (f" (and {more} more)" if more else "")) from None
    _refuse_duplicate_ids(suites)
    return suites


def _suites_named(value: str, bundled: dict[str, Path]) -> list[Suite]:
    path = Path(value)
    if path.is_file():
        pack_dir = path.resolve().parent.parent
        in_pack = path.resolve().parent.name == PROMPTS_FOLDER and (pack_dir / MANIFEST).is_file()
        return [load_suite(path, pack_name(pack_dir) if in_pack else None)]
    if path.is_dir() and (path / MANIFEST).is_file():
        return _nonempty(load_pack_suites(path), value)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix in RULE_FILE_SUFFIXES)
        return _nonempty([load_suite(file) for file in files], value)
    if value in bundled:
        return _nonempty(load_pack_suites(bundled[value]), value)
    raise UsageError(
        f"{value}: no suite file, pack folder or bundled pack "
        f"(bundled: {', '.join(sorted(bundled))})"
    )


def _nonempty(suites: list[Suite], value: str) -> list[Suite]:
    if not suites:
        raise UsageError(f"{value}: no prompt suites ({PROMPTS_FOLDER}/*.yaml)")
    return suites


def _refuse_duplicate_ids(suites: Iterable[Suite]) -> None:
    seen: dict[str, Path] = {}
    for suite in suites:
        for prompt in suite.prompts:
            if prompt.id in seen and seen[prompt.id] != suite.path:
                raise UsageError(
                    f"{suite.path}: prompt id {prompt.id!r} is also in {seen[prompt.id]}"
                )
            seen.setdefault(prompt.id, suite.path)


def unknown_rules(suites: Iterable[Suite], known: set[str]) -> list[str]:
    """``file: prompt ID: unknown rule R`` for each rule a prompt names that is not loaded."""
    return [
        f"{suite.path}: prompt {prompt.id}: unknown rule {rule}"
        for suite in suites
        for prompt in suite.prompts
        for rule in suite.full_rules(prompt)
        if rule not in known
    ]
