"""The rule-pack format (pydantic v2): pack.yaml, rule files, rules and their matchers.

A pack is data only: nothing here ever executes code from a pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from upstream.engine.context import glob_regex
from upstream.engine.findings import Severity
from upstream.engine.languages import LANGUAGES
from upstream.engine.regex import compile_regex
from upstream.packs.requirements import Requirement
from upstream.packs.semver import is_semver

_RULE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_PACK_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
METAVARIABLE = re.compile(r"\$\$\$([A-Z_][A-Z0-9_]*)?|\$([A-Z_][A-Z0-9_]*)")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class UnknownWhen(_Strict):
    """When a value the engine cannot type passes a ``type:`` anyway: its text matches
    ``regex`` (Matplotlib's `ax` parameters: any receiver spelled like an Axes)."""

    regex: str


class Where(_Strict):
    """Constraints on what a metavariable bound to."""

    regex: str | None = None
    not_regex: str | None = Field(default=None, alias="not-regex")
    in_: list[str] | None = Field(default=None, alias="in")
    kind: str | list[str] | None = None
    pattern: str | None = None
    # What the bound value is, as the engine infers it from the packs' `types:`: a type
    # name (`pymongo.Collection`), `type[NAME]` for the class itself, or a list of them.
    type: str | list[str] | None = None
    # Whether a value the engine cannot type passes `type` (a value known to be of another
    # type never does). Yes for method names only that library has; never for `insert`;
    # `{regex: ...}`: when the value's text matches it (a parameter named `ax`).
    unknown: bool | UnknownWhen = False

    @model_validator(mode="after")
    def _not_empty(self) -> Where:
        if not self.model_fields_set - {"unknown"}:
            raise ValueError("needs at least one of regex, not-regex, in, kind, pattern, type")
        if "unknown" in self.model_fields_set and self.type is None:
            raise ValueError("'unknown' only goes with 'type'")
        return self

    @property
    def types(self) -> list[str]:
        return [self.type] if isinstance(self.type, str) else list(self.type or [])


class Matcher(_Strict):
    """One node matcher. Several keys in one matcher must all hold (as in ast-grep)."""

    pattern: str | None = None
    query: str | None = None
    regex: str | None = None
    kind: str | list[str] | None = None
    all: list[Matcher] | None = None
    any: list[Matcher] | None = None
    not_: Matcher | None = Field(default=None, alias="not")
    inside: Matcher | None = None
    has: Matcher | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> Matcher:
        if not self.model_fields_set:
            raise ValueError(
                "a matcher needs one of pattern, query, regex, kind, all, any, not, inside, has"
            )
        for name in ("all", "any"):
            if getattr(self, name) == []:
                raise ValueError(f"'{name}' needs at least one matcher")
        return self


def _match_form(value: Any) -> str:
    # `match: {python: ..., javascript: ...}` gives a matcher per language; anything else is
    # one matcher. Deciding up front keeps errors to the form the author meant.
    if isinstance(value, dict) and value and all(key in LANGUAGES for key in value):
        return "per-language"
    return "matcher"


MatchSpec = Annotated[
    Annotated[Matcher, Tag("matcher")] | Annotated[dict[str, Matcher], Tag("per-language")],
    Discriminator(_match_form),
]


class Fix(_Strict):
    template: str
    # Unsafe fixes are offered as quick fixes but only applied with --unsafe-fixes.
    safe: bool = True

    @model_validator(mode="before")
    @classmethod
    def _plain_string(cls, data: Any) -> Any:
        # `fix: "new_call($X)"` is a safe fix with that template.
        return {"template": data} if isinstance(data, str) else data


FixSpec = Annotated[
    Annotated[Fix, Tag("matcher")] | Annotated[dict[str, Fix], Tag("per-language")],
    Discriminator(_match_form),
]


class Paths(_Strict):
    """A rule's ``paths:``: gitignore-like globs relative to the project root
    (engine/context.py). A file must match an ``include`` glob, if any, and no ``exclude``."""

    include: list[str] = []
    exclude: list[str] = []

    @model_validator(mode="after")
    def _globs(self) -> Paths:
        if not self.include and not self.exclude:
            raise ValueError("needs 'include' or 'exclude' globs")
        for glob in (*self.include, *self.exclude):
            compile_regex(glob_regex(glob))  # ValueError naming the glob
        return self


class Rule(_Strict):
    id: str
    title: str
    severity: Severity = "warning"
    languages: list[str] = Field(min_length=1)
    message: str
    docs: str
    tags: list[str] = []
    requires: dict[Literal["pypi", "npm", "maven", "go"], str | list[str]] = {}
    imports: list[str] = []
    # `dependency`: the project depending on a package `requires:` names (a manifest near
    # the file lists it) also opens the `imports:` gate, for a name only that library has
    # in code that gets the library's objects from elsewhere (`User.findByIdAndRemove(id)`
    # with `User` from the app's models module).
    gate: Literal["imports", "dependency"] = "imports"
    # `application`: the rule is about application code, not tests: it is not active in a
    # test file and drops findings inside test functions, fixtures and test classes.
    context: Literal["any", "application"] = "any"
    paths: Paths | None = None
    match: MatchSpec
    where: dict[str, Where] = {}
    # Patterns of what the rule is about that are wrong even when not called: each is
    # reported where it is passed or stored (`client = openai.ChatCompletion`), without the
    # fix. A `deprecated` rule's called callable gets this on its own (`retry(coll.count)`).
    references: list[str] = []
    fix: FixSpec | None = None
    explanation: str | None = None

    @field_validator("id")
    @classmethod
    def _id_form(cls, value: str) -> str:
        if not _RULE_ID.match(value):
            raise ValueError("must be lowercase letters, digits, '.', '_' or '-'")
        return value

    @field_validator("docs")
    @classmethod
    def _docs_is_url(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
            raise ValueError("must be an http(s) URL")
        return value

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, value: list[str]) -> list[str]:
        for name in value:
            if name not in LANGUAGES:
                known = ", ".join(sorted(LANGUAGES))
                raise ValueError(f"unknown language {name!r} (known: {known})")
        return value

    @field_validator("where")
    @classmethod
    def _where_names(cls, value: dict[str, Where]) -> dict[str, Where]:
        for name in value:
            if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", name):
                raise ValueError(f"{name!r} is not a metavariable name (write KEY, not $KEY)")
        return value

    @model_validator(mode="after")
    def _gate_needs_what_it_reads(self) -> Rule:
        if self.gate == "dependency" and not (self.imports and self.requires):
            raise ValueError("gate: dependency needs `imports:` and a package in `requires:`")
        return self

    @model_validator(mode="after")
    def _match_per_language(self) -> Rule:
        if isinstance(self.match, dict):
            extra = set(self.match) - set(self.languages)
            missing = set(self.languages) - set(self.match)
            if extra:
                raise ValueError(f"match given for languages not in 'languages': {sorted(extra)}")
            if missing:
                raise ValueError(f"match missing for languages: {sorted(missing)}")
        if isinstance(self.fix, dict):
            extra = set(self.fix) - set(self.languages)
            if extra:
                raise ValueError(f"fix given for languages not in 'languages': {sorted(extra)}")
        return self

    def matcher_for(self, language: str) -> Matcher:
        return self.match[language] if isinstance(self.match, dict) else self.match

    def fix_for(self, language: str) -> Fix | None:
        """The fix for one language; a per-language fix may leave some languages out."""
        if isinstance(self.fix, dict):
            return self.fix.get(language)
        return self.fix

    def requirements(self) -> tuple[Requirement, ...]:
        """``requires:`` parsed; raises ValueError with a one-line reason."""
        return tuple(
            requirement
            for ecosystem, texts in self.requires.items()
            for requirement in Requirement.parse_many(ecosystem, texts)
        )

    @property
    def has_fix(self) -> bool:
        return bool(self.fix)

    @property
    def deprecated(self) -> bool:
        return "deprecated" in self.tags


class PackManifest(_Strict):
    """``pack.yaml``."""

    name: str
    version: str
    title: str
    description: str = ""
    publisher: str = ""
    homepage: str | None = None
    license: str | None = None
    # Which engine versions the pack works with (a PEP 440 specifier).
    upstream: str = ">=0.1"

    @field_validator("name")
    @classmethod
    def _name_form(cls, value: str) -> str:
        if not _PACK_NAME.match(value):
            raise ValueError("must be lowercase letters, digits, '.', '_' or '-'")
        return value

    @field_validator("version")
    @classmethod
    def _semver(cls, value: str) -> str:
        if not is_semver(value):
            raise ValueError(f"{value!r} is not a semantic version such as 1.0.0")
        return value


_TYPE_NAME = re.compile(r"^[A-Za-z_][\w-]*(?:\.[A-Za-z_$][\w$-]*)+$")
_PATH = re.compile(r"^[@A-Za-z_.$][\w@/.$-]*\*?$")


class TypeDeclaration(_Strict):
    """One type of a library's object model (see docs/pack-format.md, "Types").

    Every other field says what an expression of this type gives: ``attributes`` maps an
    attribute name (or ``*``, any other) to a type, ``methods`` a method to what calling it
    returns, ``items`` is what ``value[...]`` gives, ``iterates`` what ``for x in value``
    binds, ``enters`` what ``with value as x`` binds (default: the value itself), ``awaits``
    what ``await value`` gives (default: the value itself) and ``constructs`` what
    ``new value(...)`` builds and ``unpacks`` what ``a, b = value`` binds, by position. A
    type name is a declared type or a builtin
    (``builtins.list``, ``js.Array``...); ``null`` says the result is known to be something
    no rule asks about.
    """

    name: str
    languages: list[str] = Field(min_length=1)
    # Import paths of the class: calling it (`new` in JavaScript) builds one, an annotation
    # naming it declares one, a class deriving from it makes instances of this type.
    names: list[str] = []
    # Import paths of functions whose call returns one; a trailing `*` matches any rest.
    factories: list[str] = []
    attributes: dict[str, str | None] = {}
    methods: dict[str, str | None] = {}
    items: str | None = None
    iterates: str | None = None
    enters: str | None = None
    awaits: str | None = None
    constructs: str | None = None
    # What `a, b = value` binds, by position (`fig, ax = plt.subplots()`); a target list of
    # another length binds nothing known.
    unpacks: list[str | None] = []
    # Class methods that return an instance of the class they are called on (a subclass's
    # `Model.parse_obj(data)` is an instance of that subclass).
    builders: list[str] = []
    # Other methods called on the class itself, and what they return: one type, or a list
    # when it depends on the library's version (the MongoDB driver's `MongoClient.connect`
    # gave a Db before 3.0 and gives the client since).
    statics: dict[str, list[str]] = {}

    @field_validator("name")
    @classmethod
    def _name_form(cls, value: str) -> str:
        if not _TYPE_NAME.match(value):
            raise ValueError("must be a dotted name such as pymongo.Collection")
        return value

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - set(LANGUAGES))
        if unknown:
            raise ValueError(f"unknown language {unknown[0]!r}")
        return value

    @field_validator("statics", mode="before")
    @classmethod
    def _one_type_is_a_list(cls, value: object) -> object:
        if isinstance(value, dict):
            return {method: [r] if isinstance(r, str) else r for method, r in value.items()}
        return value

    @field_validator("names", "factories")
    @classmethod
    def _paths(cls, value: list[str]) -> list[str]:
        for path in value:
            if not _PATH.match(path):
                raise ValueError(f"{path!r} is not an import path such as pymongo.MongoClient")
        return value

    def referenced(self) -> set[str]:
        """The type names this declaration's results refer to."""
        results = [*self.attributes.values(), *self.methods.values(), *self.unpacks]
        results += [self.items, self.iterates, self.enters, self.awaits, self.constructs]
        results += [name for names in self.statics.values() for name in names]
        return {name for name in results if name is not None}


class RuleFile(_Strict):
    rules: list[dict[str, Any]]


@dataclass(frozen=True)
class Pack:
    """A loaded, validated pack."""

    manifest: PackManifest
    path: str
    rules: tuple[Rule, ...]
    # rule id -> (file, line) where the rule is defined, for error messages.
    rule_locations: dict[str, tuple[str, int]] = field(default_factory=dict)
    # The library's object model, from the rule files' `types:` lists.
    types: tuple[TypeDeclaration, ...] = ()

    @property
    def name(self) -> str:
        return self.manifest.name

    def full_id(self, rule: Rule) -> str:
        return f"{self.name}/{rule.id}"
