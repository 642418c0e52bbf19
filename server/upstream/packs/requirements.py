"""A rule's ``requires:``, parsed: which package of which registry, and which versions.

npm, Maven and Go version ranges are mapped onto PEP 440 specifiers, so one overlap test
(``upstream.project.versions.overlaps``) serves every ecosystem.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from packaging.requirements import InvalidRequirement
from packaging.requirements import Requirement as Pep508Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name

from upstream.project.npm_range import parse_npm_range

__all__ = ["Ecosystem", "Requirement", "ecosystem_named", "normalize_name"]


class Ecosystem(str, enum.Enum):
    """Package registries a rule's `requires` can name."""

    PYPI = "pypi"
    NPM = "npm"
    MAVEN = "maven"
    GO = "go"


# Names as each registry spells them; the rest of the text is the specifier.
_NAMES = {
    Ecosystem.NPM: r"(?:@[\w.-]+/)?[\w.-]+",
    Ecosystem.MAVEN: r"[\w.-]+:[\w.-]+",
    Ecosystem.GO: r"[\w.-]+(?:/[\w.-]+)*",
}


def normalize_name(ecosystem: Ecosystem, name: str) -> str:
    """A package name as manifests are indexed: PEP 503 for PyPI, as written otherwise."""
    name = name.strip()
    return canonicalize_name(name) if ecosystem is Ecosystem.PYPI else name


def ecosystem_named(value: str | Ecosystem) -> Ecosystem:
    try:
        return Ecosystem(value.lower() if isinstance(value, str) else value)
    except ValueError:
        known = ", ".join(member.value for member in Ecosystem)
        raise ValueError(f"unknown ecosystem {value!r} (expected one of {known})") from None


def _specifier(ecosystem: Ecosystem, text: str, whole: str) -> SpecifierSet:
    text = text.strip()
    try:
        return SpecifierSet(text)
    except InvalidSpecifier:
        pass
    # npm authors may write the range natively: `mongodb@^5.0` or `mongodb>=5 <6`.
    union = parse_npm_range(text.removeprefix("@")) if ecosystem is Ecosystem.NPM else None
    if union is not None and len(union) == 1:
        return union[0]
    raise ValueError(
        f"invalid {ecosystem.value} requirement {whole!r}: "
        f"{text!r} is not a version specifier such as '>=4.0' or '>=4.0,<5'"
    )


@dataclass(frozen=True)
class Requirement:
    """A rule's version gate for one package, e.g. ``pymongo>=4.0``."""

    ecosystem: Ecosystem
    name: str
    specifier: SpecifierSet

    @classmethod
    def parse(cls, ecosystem: str, text: str) -> Requirement:
        """Parse ``NAME SPECIFIER`` for `ecosystem`; raises ValueError with a one-line reason."""
        eco = ecosystem_named(ecosystem)
        text = text.strip()
        if eco is Ecosystem.PYPI:
            try:
                parsed = Pep508Requirement(text)
            except InvalidRequirement as exc:
                reason = str(exc).splitlines()[0]
                raise ValueError(f"invalid pypi requirement {text!r}: {reason}") from None
            if parsed.url or parsed.marker:
                raise ValueError(f"pypi requirement {text!r}: URLs and markers are not allowed")
            return cls(eco, canonicalize_name(parsed.name), parsed.specifier)
        match = re.fullmatch(rf"({_NAMES[eco]})(.*)", text, re.DOTALL)
        if match is None:
            example = {
                "npm": "mongodb>=5.0",
                "maven": "g:artifact>=4.0",
                "go": "example.com/m>=1.0",
            }
            raise ValueError(
                f"invalid {eco.value} requirement {text!r}: expected NAME then an optional "
                f"specifier, e.g. {example[eco.value]!r}"
            )
        return cls(eco, match.group(1), _specifier(eco, match.group(2), text))

    @classmethod
    def parse_many(cls, ecosystem: str, value: str | Sequence[str]) -> list[Requirement]:
        """A `requires` value: one requirement string or a list of them (all must hold)."""
        texts = [value] if isinstance(value, str) else list(value)
        return [cls.parse(ecosystem, text) for text in texts]

    def __str__(self) -> str:
        return f"{self.name}{self.specifier}"
