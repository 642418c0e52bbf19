"""npm (node-semver) ranges as unions of PEP 440 specifier sets.

`parse_npm_range` follows node-semver's documented range grammar
(https://github.com/npm/node-semver#ranges): `||` unions, space-separated comparators,
hyphen ranges, X-ranges, tilde and caret ranges, and partial versions in comparators.
Anything that is not a semver range (git URLs, `file:`, `link:`, `workspace:`, dist-tags
other than `latest`) gives ``None`` ("unknown"), never an exception.

Semver pre-release tags map onto PEP 440 ones: `alpha`/`a` -> `a`, `beta`/`b` -> `b`,
`rc`/`c`/`pre`/`preview` -> `rc`, anything else (`next.3`, `canary`, Go pseudo-versions)
-> `.devN`, which still sorts below the release as semver requires. Upper bounds are written
as `<X.Y.Z`, which in PEP 440 also excludes X.Y.Z's pre-releases, as node-semver's `<X.Y.Z-0`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

__all__ = [
    "caret_set",
    "parse_npm_range",
    "semver_to_version",
    "tilde_set",
]

_ANY = SpecifierSet()
# node-semver's `<0.0.0-0`: a set that nothing satisfies.
_NOTHING = SpecifierSet("<0.dev0")

_PARTIAL = re.compile(
    r"""^v?\s*
    (?P<major>\d+|[xX*])
    (?:\.(?P<minor>\d+|[xX*]))?
    (?:\.(?P<patch>\d+|[xX*]))?
    (?:-(?P<pre>[0-9A-Za-z.-]+))?
    (?:\+[0-9A-Za-z.-]+)?$""",
    re.VERBOSE,
)
_HYPHEN = re.compile(r"^(\S+)\s+-\s+(\S+)$")
_OPERATOR_SPACE = re.compile(r"(<=|>=|<|>|=|~>|~|\^)\s+")
_COMPARATOR = re.compile(r"^(<=|>=|<|>|=|~>|~|\^)?(.*)$")
_PRE_LABELS = {
    "alpha": "a",
    "a": "a",
    "beta": "b",
    "b": "b",
    "rc": "rc",
    "c": "rc",
    "pre": "rc",
    "preview": "rc",
}


@dataclass(frozen=True)
class _Partial:
    """A possibly partial semver (`1`, `1.2`, `1.2.x`, `1.2.3-beta.1`)."""

    parts: tuple[int, ...]  # the numeric components written before any wildcard
    pre: str | None

    def floor(self) -> Version:
        """The lowest version this partial covers (missing parts are 0)."""
        padded = (*self.parts, 0, 0, 0)[:3]
        return _make_version(padded, self.pre)


def _make_version(release: tuple[int, ...], pre: str | None) -> Version:
    text = ".".join(str(part) for part in release)
    return Version(text + _pep440_pre(pre) if pre else text)


def _pep440_pre(pre: str) -> str:
    """Map a semver pre-release (`beta.2`, `rc1`, `next.3`) onto a PEP 440 suffix."""
    identifiers = pre.lower().split(".")
    match = re.fullmatch(r"([a-z]*)[-_]?(\d*)", identifiers[0])
    label = match.group(1) if match else ""
    number = match.group(2) if match else ""
    if not number:
        number = next((ident for ident in identifiers[1:] if ident.isdigit()), "0")
    return f"{_PRE_LABELS.get(label, '.dev')}{int(number)}"


def semver_to_version(text: str) -> Version | None:
    """Convert an exact semver (`1.2.3`, `v1.2.3-rc.1+build`) to a PEP 440 `Version`."""
    partial = _parse_partial(text.strip())
    if partial is None or len(partial.parts) < 3:
        return None
    return partial.floor()


def _parse_partial(text: str) -> _Partial | None:
    match = _PARTIAL.match(text.lstrip("="))
    if match is None:
        return None
    parts: list[int] = []
    for name in ("major", "minor", "patch"):
        value = match.group(name)
        if value is None or not value.isdigit():
            break
        parts.append(int(value))
    # A pre-release only means something on a full X.Y.Z version.
    pre = match.group("pre") if len(parts) == 3 else None
    return _Partial(tuple(parts), pre)


def _bump(parts: tuple[int, ...], index: int) -> Version:
    """The version just past `parts` when component `index` is incremented."""
    bumped = (*parts[:index], parts[index] + 1, 0, 0, 0)[: max(len(parts), 3)]
    return Version(".".join(str(part) for part in bumped))


def _spec(*clauses: tuple[str, Version]) -> SpecifierSet:
    return SpecifierSet(",".join(f"{op}{version}" for op, version in clauses))


def caret_set(lower: Version, parts: int) -> SpecifierSet:
    """`^lower`: changes that keep the left-most non-zero of the `parts` written components.

    Shared with Poetry, whose caret follows the same rule.
    """
    if parts == 0:
        return _ANY
    release = (*lower.release, 0, 0, 0)[: max(parts, len(lower.release))]
    written = release[:parts]
    index = next((i for i, part in enumerate(written) if part != 0), parts - 1)
    return _spec((">=", lower), ("<", _bump(release, index)))


def tilde_set(lower: Version, parts: int) -> SpecifierSet:
    """`~lower`: patch-level changes if a minor was written, else minor-level changes."""
    if parts == 0:
        return _ANY
    release = (*lower.release, 0, 0, 0)
    return _spec((">=", lower), ("<", _bump(release, 1 if parts >= 2 else 0)))


def _x_range(partial: _Partial) -> SpecifierSet:
    """`1`, `1.2`, `1.2.x`: every version with that prefix; a full version is exact."""
    if not partial.parts:
        return _ANY
    if len(partial.parts) == 3:
        return _spec(("==", partial.floor()))
    return _spec((">=", partial.floor()), ("<", _bump(partial.parts, len(partial.parts) - 1)))


def _comparator(op: str, partial: _Partial) -> SpecifierSet:
    """A primitive comparator, widening partial versions as node-semver does."""
    parts = partial.parts
    full = len(parts) == 3
    if op in ("", "="):
        return _x_range(partial)
    if not parts:
        # `>*` and `<*` match nothing; `>=*` and `<=*` match anything.
        return _NOTHING if op in (">", "<") else _ANY
    last = len(parts) - 1
    if op == ">":
        return _spec((">", partial.floor())) if full else _spec((">=", _bump(parts, last)))
    if op == "<=":
        return _spec(("<=", partial.floor())) if full else _spec(("<", _bump(parts, last)))
    return _spec((op, partial.floor()))  # `>=` and `<` read partials as their floor


def _term(token: str) -> SpecifierSet | None:
    match = _COMPARATOR.match(token)
    if match is None:
        return None
    op, rest = match.group(1) or "", match.group(2)
    partial = _parse_partial(rest)
    if partial is None:
        return None
    if op == "^":
        return caret_set(partial.floor(), len(partial.parts))
    if op in ("~", "~>"):
        return tilde_set(partial.floor(), len(partial.parts))
    return _comparator(op, partial)


def _hyphen(low_text: str, high_text: str) -> SpecifierSet | None:
    """`A - B`, inclusive; a partial B includes everything it covers (`- 2.3` is `<2.4.0`)."""
    low, high = _parse_partial(low_text), _parse_partial(high_text)
    if low is None or high is None:
        return None
    lower = _ANY if not low.parts else _spec((">=", low.floor()))
    if not high.parts:
        upper = _ANY
    elif len(high.parts) == 3:
        upper = _spec(("<=", high.floor()))
    else:
        upper = _spec(("<", _bump(high.parts, len(high.parts) - 1)))
    return lower & upper


def _literal_below(token: str) -> Version | None:
    """`X.Y.Z` if `token` is a written `<X.Y.Z` (a full release, not a partial or a pre)."""
    if not token.startswith("<") or token.startswith("<="):
        return None
    partial = _parse_partial(token[1:])
    if partial is None or len(partial.parts) != 3 or partial.pre is not None:
        return None
    return partial.floor()


def _comparator_set(text: str) -> SpecifierSet | None:
    text = text.strip()
    hyphen = _HYPHEN.match(text)
    if hyphen:
        return _hyphen(hyphen.group(1), hyphen.group(2))
    tokens = _OPERATOR_SPACE.sub(r"\1", text).split()
    terms: list[SpecifierSet] = []
    for token in tokens:
        term = _term(token)
        if term is None:
            return None
        terms.append(term)
    # node-semver's written `<X.Y.Z` admits X.Y.Z's pre-releases when another comparator of
    # the set names one (`>=2.0.0-rc.1 <2.0.0`); PEP 440's `<X.Y.Z` never does, so it becomes
    # `<=X.Y.Z,!=X.Y.Z`. The `<X.Y.Z` bounds of `^`, `~` and X-ranges stay (node's `-0`).
    versions = [Version(clause.version) for term in terms for clause in term]
    named = {version.release for version in versions if version.is_prerelease}
    result = SpecifierSet()
    for token, term in zip(tokens, terms, strict=True):
        below = _literal_below(token)
        if below is not None and below.release in named:
            term = _spec(("<=", below), ("!=", below))
        result &= term
    return result


def parse_npm_range(text: str) -> list[SpecifierSet] | None:
    """Translate an npm range into a union of specifier sets; ``None`` if not a semver range.

    An empty `SpecifierSet` in the result means "any version".
    """
    text = text.strip()
    if text.startswith("npm:"):
        # `npm:real-name@range` installs another package under this name.
        alias = text[4:]
        at = alias.rfind("@")
        text = alias[at + 1 :] if at > 0 else ""
    if text in ("", "latest"):
        return [_ANY]
    union: list[SpecifierSet] = []
    for alternative in text.split("||"):
        try:
            specifiers = _comparator_set(alternative)
        except (InvalidSpecifier, InvalidVersion):
            return None
        if specifiers is None:
            return None
        union.append(specifiers)
    return union
