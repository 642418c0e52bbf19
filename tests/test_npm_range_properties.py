"""npm ranges: `parse_npm_range` agrees with an independent implementation, `semantic_version`.

Ranges come from node-semver's grammar (comparators with partial versions, X-ranges, caret,
tilde, hyphen ranges, `||` unions) and are checked the way the rest of the code reads them:
a package.json range becomes a `VersionRange` (`allows`), a rule's `pkg@range` a
`Requirement` (its specifier is a plain predicate), a lockfile version goes through
`semver_to_version`. The oracle is `semantic_version.NpmSpec`.

Generation stays inside what `semantic_version` 2.10 reads the way node-semver does:

* No `~>`, no space between an operator and its version (`>= 1.2`), no `v` after an operator:
  `NpmSpec` rejects them (node-semver and we accept them).
* A lone wildcard (`*`, `x`) only bare or as `>=*`: `NpmSpec` rejects `<*`, `>*`, `^*`, `~*`,
  and a hyphen range ending in one.
* Pre-release comparators only where `NpmSpec` gets them right. It splits a comparator set that
  names a pre-release into a pre-release part holding only the pre-release comparators (so the
  set's other comparators are dropped: `<=0.0.0 <=1.0.2-rc.1` matches 1.0.1) and a release part
  with the pre-release tags cut off (so `1.2.3-beta` and `<=1.2.3-beta` match 1.2.3). Its
  same-patch rule is per comparator, not per set, so `<=3.0.1` matches 3.0.1-beta.1 and
  `<X.Y.Z-rc.2` matches X.Y.Z-rc.2. Hence: for release versions, pre-release comparators appear
  only alone (`>=`, `<`, `^`, `~`); for pre-release versions, every alternative is one
  `=`/`>`/`>=`/`^`/`~` pre-release comparator, optionally with `<X.Y.Z` of its own X.Y.Z.
  And no `~X.Y.0-pre`: `NpmSpec` bounds it `<X.Y.0` (node: `<X.(Y+1).0-0`).
* Pre-release tags are `alpha`/`beta`/`rc` with small numbers: our mapping onto PEP 440 keeps
  their semver order, but is lossy by design elsewhere (`next.3` and `canary` become `.devN`,
  below `alpha`; `alpha` and `alpha.0` are both `a0`).

Known node-semver behaviour neither implements, so also not generated: node reads `>=0.0.0`
as `*`, so `0.0.0 - 0.0.0-rc.1` matches 0.0.0-alpha there.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from upstream.packs import Requirement
from upstream.project.manifests import VersionRange
from upstream.project.npm_range import parse_npm_range, semver_to_version

semantic_version = pytest.importorskip("semantic_version")

# Small numbers, so ranges and versions share boundaries often; versions go one past them.
NUMBERS = st.integers(0, 3).map(str)
VERSION_NUMBERS = st.integers(0, 4).map(str)
WILDCARDS = st.sampled_from(["x", "X", "*"])
PRERELEASE_TAGS = st.sampled_from(
    ["alpha", "alpha.1", "alpha.2", "alpha.10", "beta", "beta.1", "beta.2", "rc.1", "rc.2"]
)
FULL = st.tuples(NUMBERS, NUMBERS, NUMBERS).map(".".join)
RELEASES = st.tuples(VERSION_NUMBERS, VERSION_NUMBERS, VERSION_NUMBERS).map(".".join)


@st.composite
def partials(draw: st.DrawFn, wildcards: bool = True) -> str:
    """`1`, `1.2`, `1.2.3`, and with wildcards `1.x`, `1.2.*`, `1.X.x`."""
    parts = draw(st.lists(NUMBERS, min_size=1, max_size=3))
    tail = draw(st.integers(0, 3 - len(parts))) if wildcards else 0
    return ".".join(parts + [draw(WILDCARDS) for _ in range(tail)])


@st.composite
def comparators(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(["*", "x", "X", ">=*"]))
    operator = draw(st.sampled_from(["", "=", "<", "<=", ">", ">=", "^", "~"]))
    return operator + draw(partials())


@st.composite
def prerelease_comparators(draw: st.DrawFn, operators: list[str], release: str = "") -> str:
    """`{operator}X.Y.Z-{tag}`, `release` or a drawn X.Y.Z; not `~X.Y.0-tag` (see above)."""
    release = release or draw(FULL)
    if release.endswith(".0"):
        operators = [operator for operator in operators if operator != "~"]
    return f"{draw(st.sampled_from(operators))}{release}-{draw(PRERELEASE_TAGS)}"


@st.composite
def release_alternatives(draw: st.DrawFn) -> str:
    """One `||` alternative: comparators, a hyphen range, or a lone pre-release comparator."""
    kind = draw(st.sampled_from(["comparators", "comparators", "hyphen", "prerelease"]))
    if kind == "hyphen":
        return f"{draw(partials(wildcards=False))} - {draw(partials(wildcards=False))}"
    if kind == "prerelease":
        return draw(prerelease_comparators([">=", "<", "^", "~"]))
    return " ".join(draw(st.lists(comparators(), min_size=1, max_size=3)))


RELEASE_RANGES = st.lists(release_alternatives(), min_size=1, max_size=3).map(" || ".join)


def oracle(npm: str, version: str) -> bool:
    return bool(semantic_version.NpmSpec(npm).match(semantic_version.Version(version)))


@settings(max_examples=400, deadline=None)
@given(npm=RELEASE_RANGES, version=RELEASES)
def test_release_membership_agrees_with_semantic_version(npm: str, version: str) -> None:
    union = parse_npm_range(npm)
    assert union is not None, npm
    ours = semver_to_version(version)
    assert ours is not None
    expected = oracle(npm, version)
    # As a package.json range: what the project may be on.
    assert VersionRange.of(union).allows(ours) == expected, (npm, version, union)
    if len(union) == 1:
        # As a rule's gate (`pkg@range`; a rule can't write `||`).
        specifier = Requirement.parse("npm", f"pkg@{npm}").specifier
        assert specifier.contains(ours, prereleases=True) == expected, (npm, version, specifier)


@st.composite
def prerelease_cases(draw: st.DrawFn) -> tuple[str, list[str], str]:
    """(range, the X.Y.Z each alternative names a pre-release of, a pre-release version)."""
    alternatives, named = [], []
    for _ in range(draw(st.integers(1, 3))):
        release = draw(FULL)
        text = draw(prerelease_comparators(["", "=", ">", ">=", "^", "~"], release))
        if draw(st.booleans()):
            text += f" <{release}"  # node: all of X.Y.Z's pre-releases from the named one
        alternatives.append(text)
        named.append(release)
    # Mostly pre-releases of a named X.Y.Z: the only ones node-semver lets match.
    release = draw(st.one_of(st.sampled_from(named), RELEASES))
    return " || ".join(alternatives), named, f"{release}-{draw(PRERELEASE_TAGS)}"


@settings(max_examples=400, deadline=None)
@given(case=prerelease_cases())
@example(case=(">=1.0.0-rc.1 <1.0.0", ["1.0.0"], "1.0.0-rc.2"))  # was missed: see _literal_below
def test_prerelease_membership_agrees_with_semantic_version(
    case: tuple[str, list[str], str],
) -> None:
    npm, named, version = case
    union = parse_npm_range(npm)
    assert union is not None and len(union) == len(named), npm
    ours = semver_to_version(version)
    assert ours is not None
    # node-semver lets a pre-release satisfy a comparator set only if the set names a
    # pre-release of the same X.Y.Z. `parse_npm_range` gives plain PEP 440 sets (callers
    # apply their own pre-release policy), so apply node's rule on top of its intervals.
    base = version.split("-", 1)[0]
    agreed = any(
        release == base and specifiers.contains(ours, prereleases=True)
        for specifiers, release in zip(union, named, strict=True)
    )
    assert agreed == oracle(npm, version), (npm, version, union)
