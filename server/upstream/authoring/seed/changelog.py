"""Find the APIs a library's changelog says it removed or deprecated.

A removed API is no longer in the source, so ``python.py`` cannot see it; its changelog
still names it. Files: ``CHANGELOG*``, ``CHANGES*``, ``HISTORY*``, ``NEWS*``,
``RELEASE*NOTES*`` at the root or in ``doc/``/``docs/``, and per-release notes
(``doc/release/1.3.0-notes.rst``, ``doc/source/whatsnew/v2.0.0.rst``). Each file is split
into (version, entry) pairs: the version from RST or Markdown headings (or a bullet that is
only a version, or the file name), an entry being one bullet, or a paragraph under a
"Removed" / "Deprecations" / "Backwards incompatible" heading.

Each sentence of an entry counts when its verb (removed, dropped, deprecated, "no longer
available") is about a code span (````x````, ```x```, ``:meth:`x```) -- "Removed `x`",
"`x` has been deprecated" -- or, under a "Removed" heading (or a "...removed:" lead-in), when
it is little more than the names. Spans after "in", "from", "of", "to", "for" are where the
thing was (":class:`C`" in "`a` in :class:`C`"), and serve as the owner of bare names.
Each name is resolved against an ``ApiIndex`` of the source: its module and class must be
the library's (the member itself may be gone). Sentences about an argument or a use of the
API, bare names with no owner, private names and modules are counted and left out.
"""

from __future__ import annotations

import ast
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from upstream.authoring.seed.exports import Exports, is_public
from upstream.authoring.seed.model import Deprecation, Kind

# Not python.py's: changelog prose also says "kwarg" and "arg".
_ABOUT_ARGUMENT = re.compile(
    r"\b(?:parameter|argument|option|keyword|kwarg|arg)s?\b", re.IGNORECASE
)
_NAMES = re.compile(
    r"^(?:change ?log|changes|history|news|release[-_ ]?notes?|releases)(?:[-_.].*)?$",
    re.IGNORECASE,
)
_NOTE_DIRS = {"release", "releases", "whatsnew", "whats_new", "release-notes", "release_notes"}
_TEXT_SUFFIXES = {"", ".rst", ".md", ".txt", ".markdown"}
_SKIPPED_DIRS = {"node_modules", "site-packages", "build", "dist", "_build", "venv", "vendor"}
_MAX_BYTES = 4_000_000  # larger "changelogs" are generated dumps, not release notes
_MAX_DEPTH = 3  # below the root: doc/source/whatsnew/v2.0.0.rst

_VERSION = r"v?(\d+(?:\.\d+)+(?:[a-z]+\d*)?)"
_FILE_VERSION = re.compile(r"(?<![\d.])" + _VERSION + r"(?![\d])")
# "Changes in Version 4.0.0", "4.0.0 (2021-11-29)", "[5.0.0] - 2023-01-02", "SciPy 1.3.0
# Release Notes": at most four words before the version.
_VERSION_HEADING = re.compile(r"^(?:\S+\s+){0,4}?\[?" + _VERSION + r"\]?(?![\w.])")
# "Python 3.6 support", "Requires NumPy 1.13": a version, but not the library's own.
_NOT_RELEASE = re.compile(r"\b(?:python|support|supported|requires?|required)\b", re.I)
_UNDERLINE = re.compile(r"^([=\-~^\"'`.*+#:_])\1{2,}\s*$")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)(?:[-*+\u2022]|\d+[.)]|#\.)\s+(.*)$")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_DIRECTIVE = re.compile(r"^\s*\.\. ")

# Code spans: ``x``, `x`, :meth:`~a.b.C.m`, :py:func:`title <a.f>`; not `link <url>`_.
_SPAN = re.compile(r"(?::(?:py:)?([a-z]+):)?(``|`)([^`]+?)\2(?!_)")
_API_ROLES = {"meth", "func", "class", "exc", "attr", "data", "const", "obj", "mod", "", None}
_DOTTED = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$")
_PLACEHOLDER = re.compile("\ue000(\\d+)\ue001")

_FUTURE_REMOVAL = re.compile(
    r"\b(?:will|would|to|may|might|shall)\s+(?:\w+\s+){0,3}?(?:removed|dropped)\b"
    r"|\b(?:scheduled|slated|planned|pending)\s+(?:for\s+)?removal\b"
    r"|\bremoved\s+in\s+(?:a|the)\s+(?:future|next|later|upcoming)\b",
    re.IGNORECASE,
)
_REMOVED = re.compile(
    r"\b(?:removed|removes?|removal|dropped|drops?|expired)\b"
    r"|\bno\s+longer\s+(?:available|exists?|exported|provided|present|importable)\b",
    re.IGNORECASE,
)
_WARNING_WORDS = re.compile(
    r"\b(?:\w*Deprecation\w*Warning|FutureWarning|deprecation\s+warnings?)\b", re.I
)
_DEPRECATED = re.compile(r"(?<!un-)(?<!un)(?<!non-)\bdeprecat(?:ed|es?|ion|ing)\b", re.I)
_NOT_DEPRECATED = re.compile(r"\b(?:no\s+longer|not|never)\s+(?:be\s+)?deprecated\b", re.I)
# "Deprecated running find queries that set `min`", "deprecated passing `x` to `f`": a use
# of the API is deprecated, not the API.
_ABOUT_USE = re.compile(
    r"\b(?:deprecat\w*|removed?|dropped)\s+(?:the\s+)?(?:use|using|running|passing|calling"
    r"|setting|mixing|accepting|returning)\b"
    r"|\bsupport\s+for\s+(?:\w+\s+)?\ue000\d+\ue001\s+(?:format|behaviou?r|style)\b"
    r"|^\W*(?:using|passing|calling|setting|specifying|providing|mixing)\b",
    re.IGNORECASE,
)
_DEPRECATED_SINCE = re.compile(
    r"\bdeprecated\s+(?:since|in)\s+(?:\w+\s+)?(?:version\s+)?" + _VERSION, re.I
)
# The verb must be about the named API: "Removed (the deprecated function) `x`", "`x` and
# `y` have been deprecated", "removal of `x`" -- not "Bluestein's algorithm removes the
# worst-case `O(n^2)`" or "return an ndarray with the `axis` dimension removed".
_VERB = r"(?:remov(?:ed|es?|ing)|dropp(?:ed|ing)|drops?|deprecat(?:ed|es?|ing))"
_FILLER = (
    r"(?:(?:the|a|an|deprecated|legacy|old|obsolete|unused|undocumented|public|all|both"
    r"|following|remaining|long-deprecated|previously|support|for|of|from|these|those)\s+"
    r"|(?:[\w-]+\s+){0,2}?(?:functions?|methods?|class(?:es)?|attributes?|propert(?:y|ies)"
    r"|alias(?:es)?|(?:sub)?modules?|constants?|exceptions?|objects?|helpers?|APIs?|types?)"
    r"\s+)*"
)
_ACTIVE = (  # "Removed (the deprecated function) §", "removal of §"
    r"\b(?:" + _VERB + r"|removal\s+of|deprecation\s+of)(?:\s*:)?\s+" + _FILLER + r"[:(]?\s*§"
)
_PASSIVE = (  # "§ and § have been deprecated", but not "§ is faster and ... were removed"
    r"§(?:(?!\b(?:is|are|was|were|and\s+(?:some|the|a|an|all|its))\b)[^§]){0,80}?"
    r"(?:(?:has|have|had)\s+(?:now\s+)?(?:also\s+)?been|was|were|is|are|now|got|being"
    r"|(?:will|would|shall|may)\s+(?:\w+\s+)?be|to\s+be)\s+(?:\w+\s+)?"
    r"(?:(?:marked|flagged|considered)\s+(?:as\s+)?)?" + _VERB + r"\b"
)
_AFTER = r"§\s*[:,(-]?\s*(?:is\s+)?" + _VERB + r"\b"  # "§: removed", "§ (deprecated)"
_GONE = r"§[^§]{0,60}?\bno\s+longer\s+(?:available|exists?|exported|provided|present)"
_ATTACHED = re.compile("|".join((_ACTIVE, _PASSIVE, _AFTER, _GONE)), re.IGNORECASE)
_NAME_ONLY_WORDS = {
    "and", "or", "the", "a", "an", "function", "functions", "method", "methods", "class",
    "classes", "attribute", "attributes", "property", "alias", "aliases", "constant",
    "deprecated", "also", "both", "all", "as", "well",
}  # fmt: skip
_MODULE_WORD = re.compile(r"^\s*(?:sub)?(?:modules?|packages?|namespaces?)\b", re.I)

# Where the old name's sentence turns to its replacement: "in favor of `new`", "use `new`".
_REPLACEMENT = re.compile(
    r"\b(?:in\s+favou?r\s+of|(?:please\s+)?use(?!\s+of\b)|replaced\s+(?:by|with)"
    r"|superseded\s+by|renamed\s+to|moved\s+to|see)\b",
    re.IGNORECASE,
)
# A span after "in", "from", "on", "of", "for", "to" is where the named thing is ("`a` in
# :class:`C`", "complex inputs to `f`", "support for masked arrays removed from `f`"), not
# what is gone -- except right after "removal of", "deprecation of", "support for".
_CONTAINER_BEFORE = re.compile(
    r"(?<!removal )(?<!removals )(?<!deprecation )(?<!support )"
    r"\b(in|into|from|on|of|for|to)\s+(?:the\s+)?"
    r"(?:(?:class|module|object|package|submodule)\s+)?$",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"^\s*(?:[,/]\s*)?(?:(?:and|or)\s+)?$")
_CALL_WITH_KEYWORD = re.compile(r"\(\s*\w+\s*=")  # ``Client(uds=...)``: about an argument
_PROPERTY_WORD = re.compile(r"^\W*(?:property|attribute)\b", re.I)
# "The `scipy.linalg` functions `tri`, `triu`": the span says where the names are.
_OWNER_OF_WORDS = re.compile(
    r"^\s+(?:functions|methods|classes|attributes|properties|aliases|constants)\b", re.I
)
# Section headings that make every entry under them a removal or a deprecation.
_REMOVED_HEADING = re.compile(r"\b(?:removed|removals?|expired|dropped)\b", re.I)
_DEPRECATED_HEADING = re.compile(r"\bdeprecat", re.I)
_MIXED_HEADING = re.compile(
    r"\b(?:deprecat\w*|remov\w*)\s+(?:and|&)\b|\b(?:and|&)\s+(?:deprecat|remov)", re.I
)
_BREAKING_HEADING = re.compile(r"\b(?:backwards?[- ]incompatible|breaking)\b", re.I)


Resolved = tuple[str, str | None, str, Kind]  # (module, owner, name, kind)


@dataclass
class ApiIndex:
    """What the library's source defines, to resolve the names a changelog mentions."""

    modules: set[str] = field(default_factory=set)  # "pymongo.collection"
    classes: dict[str, set[str]] = field(default_factory=dict)  # "Collection" -> modules
    functions: dict[str, set[str]] = field(default_factory=dict)  # module-level functions
    members: dict[tuple[str, str], dict[str, Kind]] = field(default_factory=dict)


@dataclass
class ChangelogScan:
    deprecations: list[Deprecation] = field(default_factory=list)
    files: int = 0
    entries: int = 0  # bullets and section paragraphs read
    mentions: int = 0  # code spans in entries that say removed or deprecated
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> mentions left out


@dataclass
class _Entry:
    version: str | None
    line: int
    text: str
    context: str | None  # "removed" / "deprecated" from a heading or a parent bullet


@dataclass
class _Name:
    target: str
    role: str | None
    container: str | None  # "in", "from", "of"...: written right after one, so not the API
    methods: bool = False  # the sentence calls the names methods


def index_python(exports: Exports) -> ApiIndex:
    """The modules, classes (with their members) and functions each parsed module defines,
    also under each public module that re-exports them from a private one under the same
    name (httpx defines ``Response`` in ``httpx._models``; see ``Exports``)."""
    index = ApiIndex()
    for module, tree in exports.trees.items():
        parts = module.split(".")
        index.modules.update(".".join(parts[:end]) for end in range(1, len(parts) + 1))
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                index.classes.setdefault(node.name, set()).add(module)
                index.members[(module, node.name)] = _members(node)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                index.functions.setdefault(node.name, set()).add(module)
    for table in (index.classes, index.functions):
        for name, where in table.items():
            for source in [module for module in where if not is_public(module)]:
                for module, bound in exports.public_locations(source, name):
                    if bound != name or module == source:
                        continue  # renamed on the way: not this name's home
                    where.add(module)
                    if table is index.classes:
                        index.members[(module, name)] = index.members[(source, name)]
    return index


def _members(node: ast.ClassDef) -> dict[str, Kind]:
    members: dict[str, Kind] = {}
    for item in node.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
            decorators = {
                d.id if isinstance(d, ast.Name) else getattr(d, "attr", None)
                for d in item.decorator_list
            }
            is_property = bool(decorators & {"property", "cached_property"})
            members.setdefault(item.name, "property" if is_property else "method")
        elif isinstance(item, (ast.Assign, ast.AnnAssign)):
            targets = item.targets if isinstance(item, ast.Assign) else [item.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    members.setdefault(target.id, "field")
    return members


def find_changelogs(root: Path) -> list[Path]:
    """The changelog files and per-release notes at ``root`` and under its doc folders."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        depth = len(here.relative_to(root).parts)
        dirs[:] = sorted(
            name
            for name in dirs
            if depth < _MAX_DEPTH
            and not name.startswith(".")
            and name not in _SKIPPED_DIRS
            and (depth > 0 or name in ("doc", "docs"))  # not the package's own folders
        )
        in_notes = here.name.lower() in _NOTE_DIRS
        for name in sorted(files):
            path = here / name
            if path.suffix.lower() not in _TEXT_SUFFIXES:
                continue
            named = _NAMES.match(path.stem if path.suffix else name) is not None
            if not named and not (in_notes and _FILE_VERSION.search(path.stem)):
                continue
            try:
                if path.stat().st_size <= _MAX_BYTES:
                    found.append(path)
            except OSError:
                continue
    return found


def scan_changelogs(
    files: Iterable[Path], package: str, index: ApiIndex, root: Path | None = None
) -> ChangelogScan:
    """The removed and deprecated APIs of ``package`` that ``files`` name and ``index`` knows."""
    scan = ChangelogScan()
    found: dict[tuple[str, str | None, str], Deprecation] = {}
    for path in files:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        scan.files += 1
        inside = root is not None and path.is_relative_to(root)
        shown = str(path.relative_to(root)) if inside and root else str(path)
        for entry in _entries(text, _FILE_VERSION.search(path.stem)):
            scan.entries += 1
            for item in _entry_apis(entry, package, index, shown, scan):
                _merge(found, item)
    scan.deprecations = list(found.values())
    return scan


# --- reading a file into entries -------------------------------------------------------


@dataclass
class _Heading:
    level: tuple[int, int]  # (0, markdown #s) or (1, order of the RST underline style)
    text: str


def _entries(text: str, file_version: re.Match[str] | None) -> Iterator[_Entry]:
    """(version, entry) pairs of one file, with the heading context of each entry."""
    lines = text.splitlines()
    headings: list[_Heading] = []
    rst_styles: list[str] = []
    bullets: list[tuple[int, str]] = []  # open parent bullets (indent, text), a lead-in first
    default = file_version.group(1) if file_version else None
    index = 0
    in_fence = False
    while index < len(lines):
        line = lines[index]
        if _FENCE.match(line):
            in_fence = not in_fence
            index += 1
            continue
        heading, consumed = (None, 1) if in_fence else _heading(lines, index, rst_styles)
        if heading is not None:
            while headings and headings[-1].level >= heading.level:
                headings.pop()
            headings.append(heading)
            bullets.clear()
            index += consumed
            continue
        if in_fence or not line.strip() or _DIRECTIVE.match(line):
            index = _skip_block(lines, index) if _DIRECTIVE.match(line) else index + 1
            continue
        bullet = _BULLET.match(line)
        end = _block_end(lines, index, bullet is not None)
        first = bullet.group(2) if bullet else line
        body = " ".join([first.strip(), *(part.strip() for part in lines[index + 1 : end])])
        if bullet:
            indent = len(bullet.group(1))
            while bullets and bullets[-1][0] >= indent:
                bullets.pop()
            if _VERSION_HEADING.fullmatch(_plain(body).split(" (")[0].strip()):
                # redis-py's CHANGES: "* 3.5.3 (June 1, 2020)" heads the bullets below it.
                while headings and headings[-1].level >= (2, indent):
                    headings.pop()
                headings.append(_Heading((2, indent), body))
                index = end
                continue
            bullets.append((indent, body))
        elif not line[0].isspace():
            # "The following attributes have been removed:" leads the list after it.
            bullets = [(-1, body)] if body.endswith(":") else []
        context = _context(headings, bullets[:-1] if bullet else bullets)
        if bullet or context is not None:
            version = _version(headings) or default
            yield _Entry(version, index + 1, body, context)
        index = end


def _heading(lines: list[str], index: int, styles: list[str]) -> tuple[_Heading | None, int]:
    """The heading starting at ``lines[index]`` and how many lines it takes."""
    line = lines[index]
    markdown = _MARKDOWN_HEADING.match(line)
    if markdown and not line.startswith("#."):
        return _Heading((0, len(markdown.group(1))), markdown.group(2)), 1
    following = lines[index + 1] if index + 1 < len(lines) else ""
    overline = _UNDERLINE.match(line)
    if overline and index + 2 < len(lines) and _UNDERLINE.match(lines[index + 2]):
        title, under, style, consumed = lines[index + 1], lines[index + 2], "^" + line[0], 3
    elif not overline and line.strip() and not line[0].isspace():
        title, under, style, consumed = line, following, following[:1], 2
    else:
        return None, 1
    if not _UNDERLINE.match(under) or len(under.rstrip()) < len(title.strip()) - 2:
        return None, 1
    if _BULLET.match(title) and not title.strip().startswith("#"):
        return None, 1
    if style not in styles:
        styles.append(style)
    return _Heading((1, styles.index(style)), title.strip()), consumed


def _skip_block(lines: list[str], index: int) -> int:
    """The line after a directive (``.. warning::``) and its indented body."""
    index += 1
    while index < len(lines) and (not lines[index].strip() or lines[index][0].isspace()):
        index += 1
    return index


def _block_end(lines: list[str], start: int, is_bullet: bool) -> int:
    """The line after a bullet (its continuation lines) or a paragraph."""
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if not line.strip() or _FENCE.match(line) or _DIRECTIVE.match(line):
            break
        if _BULLET.match(line) or _UNDERLINE.match(line) or _MARKDOWN_HEADING.match(line):
            break
        if end + 1 < len(lines) and _UNDERLINE.match(lines[end + 1]) and not is_bullet:
            break  # the next heading's title
        end += 1
    return end


def _plain(text: str) -> str:
    """Text with link targets, roles and emphasis dropped, for reading headings."""
    text = re.sub(r"`([^`<]*?)\s*<[^>]*>`_+", r"\1", text)
    text = re.sub(r":[a-z:]+:`~?([^`]*)`", r"\1", text)
    return re.sub(r"[`*\[\]]", "", text).strip()


def _version(headings: list[_Heading]) -> str | None:
    for heading in reversed(headings):
        plain = _plain(heading.text)
        match = _VERSION_HEADING.match(plain)
        if match and not _NOT_RELEASE.search(plain[: match.end()]):
            return match.group(1)
    return None


def _context(headings: list[_Heading], parents: list[tuple[int, str]]) -> str | None:
    """What a heading (or a parent bullet ending in ":") says of the entries under it:
    "removed", "deprecated" or "breaking"; they count then even if they only name the API."""
    texts = [_plain(h.text) for h in headings] + [
        text for _, text in parents if text.rstrip().endswith(":")
    ]
    for text in reversed(texts):
        says = _REMOVED_HEADING.search(text) or _DEPRECATED_HEADING.search(text)
        if says and _ABOUT_ARGUMENT.search(_SPAN.sub(" ", text)):
            return "argument"  # "The `as_class` option is removed from: ..."
        if _FUTURE_REMOVAL.search(text):
            return "deprecated"  # "deprecated, to be removed in 2.0:"
        if _MIXED_HEADING.search(text) and not re.search(r"\bexpired\b", text, re.I):
            return "breaking"  # "Changes and deprecations": each entry says which
        if _REMOVED_HEADING.search(text):
            return "removed"
        if _DEPRECATED_HEADING.search(text):
            return "deprecated"
        if _BREAKING_HEADING.search(text):
            return "breaking"
    return None


# --- from an entry to APIs ---------------------------------------------------------------


def _entry_apis(
    entry: _Entry, package: str, index: ApiIndex, file: str, scan: ChangelogScan
) -> Iterator[Deprecation]:
    spans: list[tuple[str | None, str]] = []

    def protect(match: re.Match[str]) -> str:
        spans.append((match.group(1), match.group(3)))
        return f"\ue000{len(spans) - 1}\ue001"

    protected = _SPAN.sub(protect, entry.text)
    message = _clean(entry.text)
    for clause in _clauses(protected):
        state = _state(clause, entry.context)
        names = _names(clause, spans, package, index)
        if state is None or not names:
            continue
        scan.mentions += len(names)
        reason = _skip_reason(clause, state, entry.version, spans)
        if reason is not None:
            scan.skipped[reason] += len(names)
            continue
        since = _DEPRECATED_SINCE.search(_PLACEHOLDER.sub(" ", clause))
        removed = entry.version if state == "removed" else None
        version = (since.group(1) if since else None) if removed else entry.version
        for resolved in _resolve_all(names, package, index, scan):
            module, owner, name, kind = resolved
            yield Deprecation(
                module=module,
                owner=owner,
                name=name,
                kind=kind,
                package=module.split(".")[0],  # bson and gridfs ship with pymongo
                file=file,
                line=entry.line,
                message=message,
                version=version,
                removed=removed,
                signals={"changelog"},
            )


def _skip_reason(
    clause: str, state: str, version: str | None, spans: list[tuple[str | None, str]]
) -> str | None:
    """Why a clause that says removed or deprecated names no API to draft, if it does not."""
    calls = [spans[int(n)][1] for n in _PLACEHOLDER.findall(clause)]
    if state == "argument" or _ABOUT_ARGUMENT.search(_PLACEHOLDER.sub(" ", clause)):
        return "about an argument or option"
    if any(_CALL_WITH_KEYWORD.search(text) for text in calls):
        return "about an argument or option"
    if _ABOUT_USE.search(clause):
        return "about a use of the API, not the API"
    if not _about_names(clause, state == _state(clause, None)):
        return "the words are not about the named API"
    if state == "removed" and version is None:
        return "removal with no version (unreleased)"
    return None


def _clauses(text: str) -> list[str]:
    """Sentences, and "X; and removed Y" halves, each cut before its replacement."""
    parts = re.split(
        r"(?<!e\.g\.)(?<!i\.e\.)(?<=[.;!?])\s+(?=[A-Z\ue000:])|;\s*|,?\s+and\s+(?=(?:removed|deprecated|dropped)\b)",
        text,
    )
    return [_REPLACEMENT.split(part, maxsplit=1)[0] for part in parts if part.strip()]


def _state(clause: str, context: str | None) -> str | None:
    """What one clause (spans replaced by placeholders) says: "removed", "deprecated", None."""
    words = _PLACEHOLDER.sub(" ", clause)
    if _WARNING_WORDS.search(words) and _REMOVED.search(words):
        return None  # "removed the deprecation warning from `x`": x stays
    words = _WARNING_WORDS.sub(" ", words)
    if _NOT_DEPRECATED.search(words) or re.search(r"\bun-?deprecat", words, re.I):
        return None
    future = _FUTURE_REMOVAL.search(words)
    words = _FUTURE_REMOVAL.sub(" ", words)
    if _REMOVED.search(words):
        return "removed"
    if future or _DEPRECATED.search(words):
        return "deprecated"
    return context if context in ("removed", "deprecated", "argument") else None


def _about_names(clause: str, said: bool) -> bool:
    """Whether the clause's verb (``said``) is about its code spans, or, with the verb only in
    the heading, whether the clause is little more than the names."""
    marked = _PLACEHOLDER.sub("§", clause)  # what _ATTACHED calls a span
    if said:
        return _ATTACHED.search(marked) is not None
    words = re.findall(r"[A-Za-z]+", _PLACEHOLDER.sub(" ", clause).lower())
    return len([word for word in words if word not in _NAME_ONLY_WORDS]) <= 1


def _names(
    clause: str, spans: list[tuple[str | None, str]], package: str, index: ApiIndex
) -> list[_Name]:
    names: list[_Name] = []
    previous_end = 0
    words = _PLACEHOLDER.sub(" ", clause)
    # "The following deprecated modules have been removed: `a.b`, `a.c`"
    modules = re.search(r"\b(?:sub)?modules\b", words, re.I) and not re.search(
        r"\b(?:functions?|methods?|class(?:es)?|attributes?)\b", words, re.I
    )
    methods = bool(re.search(r"\bmethods\b", words, re.I)) and "function" not in words
    for match in _PLACEHOLDER.finditer(clause):
        gap, previous_end = clause[previous_end : match.start()], match.end()
        role, text = spans[int(match.group(1))]
        if role not in _API_ROLES:
            continue
        target = _target(text)
        if target is None:
            continue
        before = _CONTAINER_BEFORE.search(clause[: match.start()])
        container = before.group(1).lower() if before else None
        if container is None and _OWNER_OF_WORDS.match(clause[match.end() :]):
            container = "of" if _full(target, package) in index.modules else None
        if container is None and names and names[-1].container and _LIST_GAP.match(gap):
            container = names[-1].container  # "from `f` and `g`": both are containers
        elif container is None and names and not gap.strip():
            container = "of"  # "Removed class ``_ppform`` ``scipy.interpolate``"
        after = clause[match.end() :]
        if role in (None, "", "obj") and (modules or _MODULE_WORD.match(after)):
            role = "mod"  # "the `scipy.odr` module is deprecated"
        elif role in (None, "", "obj") and _PROPERTY_WORD.match(after):
            role = "attr"  # "The `URL.is_ssl` property is deprecated"
        names.append(_Name(target, role, container, methods))
    return names


def _target(text: str) -> str | None:
    """``~a.b.C.m()`` -> ``a.b.C.m``; None for code that is not a dotted name."""
    text = text.strip()
    link = re.match(r"^.*<([^>]+)>$", text)
    if link:
        text = link.group(1)
    text = re.sub(r"\(.*\)$", "", text.lstrip("~!.").rstrip("."))  # `.read()` -> read
    return text if _DOTTED.match(text) else None


def _resolve_all(
    names: list[_Name],
    package: str,
    index: ApiIndex,
    scan: ChangelogScan,
) -> Iterator[Resolved]:
    """Each name's (module, owner, name, kind); containers serve the bare names around them."""
    containers = [
        i
        for i, name in enumerate(names)
        if name.container and ("." in name.target or name.target[:1].isupper())
    ]
    bare = {i for i, name in enumerate(names) if "." not in name.target} - set(containers)
    for position, name in enumerate(names):
        if name.container:
            # "`a` and `b` in :class:`C`", "removed X from :class:`C`": C itself stays
            scan.skipped["where the named thing was (in/from/of X)"] += 1
            continue
        owner = None
        if position in bare and containers:
            # "``a`` from ``m``" binds to the next span; else the container before, or after.
            before = [i for i in containers if i < position]
            after = [i for i in containers if i > position]
            near = position + 1 if position + 1 in containers else None
            chosen = near if near is not None else before[-1] if before else after[0]
            owner = names[chosen].target
        resolved, reason = _resolve(name, package, index, owner)
        if resolved is None:
            scan.skipped[reason] += 1
        else:
            yield resolved


def _resolve(
    name: _Name, package: str, index: ApiIndex, owner: str | None
) -> tuple[Resolved | None, str]:
    """(module, owner, name, kind), or None and why not."""
    if any(part.startswith("_") for part in name.target.split(".")):
        return None, "private names"
    if name.role == "mod" or _full(name.target, package) in index.modules:
        return _module(name.target, package, index)
    if "." not in name.target:
        return _resolve_bare(name, package, index, owner)
    return _resolve_dotted(name, package, index)


def _module(target: str, package: str, index: ApiIndex) -> tuple[Resolved | None, str]:
    """A removed or deprecated module, as its parent and its last name (``model.py``'s
    "module" kind); only a dotted name of this library, never the package itself."""
    full = target if target.split(".")[0] == package or target in index.modules else None
    if full is None and _full(target, package) in index.modules and "." in target:
        full = _full(target, package)  # scipy's ``linalg.calc_lwork``
    if full is None or "." not in full:
        return None, "modules of other packages, or the package itself"
    parent, _, last = full.rpartition(".")
    if not is_public(full):
        return None, "private names"
    return (parent, None, last, "module"), ""


def _resolve_bare(
    name: _Name, package: str, index: ApiIndex, owner: str | None
) -> tuple[Resolved | None, str]:
    """``count`` in a container's scope, or a class name the source defines once."""
    scope = _scope(owner, package, index) if owner is not None else None
    if scope is not None and scope[1] is None and name.methods:
        # "Several methods of the sparse matrix classes in `scipy.sparse`": which class?
        return None, "methods of a class the text does not name"
    if scope is not None and is_public(scope[0]):
        return _in_scope(scope, name.target, name.role, index), ""
    modules = _public(index.classes.get(name.target, set()))
    if name.target[:1].isupper() and modules:
        return (modules[0], None, name.target, "class"), ""
    return None, "bare names with no owner (ambiguous)"


def _resolve_dotted(name: _Name, package: str, index: ApiIndex) -> tuple[Resolved | None, str]:
    """``pymongo.collection.Collection.count``, ``Collection.count``, ``scipy.misc.imread``:
    the module and the class must be the source's; the member may be gone."""
    parts = name.target.split(".")
    module, rest = _split_module(name.target, package, index)
    if module is None:
        classes = _public(index.classes.get(parts[0], set()))
        if len(parts) == 2 and classes:  # Collection.count
            return (classes[0], parts[0], parts[1], _member_kind(name.role, None)), ""
        return None, "names the source does not define"
    if not is_public(module):
        return None, "private names"
    if len(rest) == 1:
        return _in_scope((module, None), rest[0], name.role, index), ""
    if len(rest) != 2 or rest[0] not in index.classes:
        return None, "names the source does not define"
    defined = _public(index.classes[rest[0]])
    if defined and module not in defined and defined[0].startswith(f"{module}."):
        module = defined[0]  # ``pymongo.MongoClient.fsync``: re-exported by the package
    kind = index.members.get((module, rest[0]), {}).get(rest[1])
    if name.role in ("meth", "func") and kind in ("property", "field"):
        # pymongo 1.3 "deprecated :meth:`Database.name`": the method became a property
        return None, "methods the source has as properties"
    return (module, rest[0], rest[1], _member_kind(name.role, kind)), ""


def _full(target: str, package: str) -> str:
    return target if target.split(".")[0] == package else f"{package}.{target}"


def _split_module(target: str, package: str, index: ApiIndex) -> tuple[str | None, list[str]]:
    """The longest known module the dotted name starts with (the package may be left out:
    scipy's ```stats.ks_2samp```), and the rest."""
    first = target.split(".")[0]
    candidates = [target] if first in index.classes else [target, _full(target, package)]
    for candidate in candidates:
        parts = candidate.split(".")
        for end in range(len(parts) - 1, 0, -1):
            module = ".".join(parts[:end])
            if module in index.modules:
                return module, parts[end:]
    return None, []


def _scope(owner: str, package: str, index: ApiIndex) -> tuple[str, str | None] | None:
    """The (module, class) a container span names."""
    if _full(owner, package) in index.modules:
        return _full(owner, package), None
    module, rest = _split_module(owner, package, index)
    if module is not None and len(rest) == 1:
        if rest[0] in index.classes:
            return module, rest[0]  # where it is defined or re-exported
        if rest[0] in index.functions:
            return None  # "for `stats.anderson`, attributes `x` ...": of what it returns
        if rest[0].islower():
            return f"{module}.{rest[0]}", None  # a module since removed: ``scipy.misc``
    classes = _public(index.classes.get(owner, set()))
    return (classes[0], owner) if classes else None


def _in_scope(
    scope: tuple[str, str | None], name: str, role: str | None, index: ApiIndex
) -> Resolved:
    module, owner = scope
    if owner is not None:
        kind = index.members.get((module, owner), {}).get(name)
        return module, owner, name, _member_kind(role, kind)
    if role in ("class", "exc") or module in index.classes.get(name, set()):
        return module, None, name, "class"
    if role == "func" or module in index.functions.get(name, set()):
        return module, None, name, "function"
    # Removed module-level names: no source says what they were, so match any use.
    return module, None, name, "class" if _is_class_name(name) and role is None else "attribute"


def _member_kind(role: str | None, known: Kind | None) -> Kind:
    if known is not None:
        return known
    if role == "attr":
        return "property"
    if role in ("data", "const"):
        return "field"
    return "method"


def _is_class_name(name: str) -> bool:
    return name[:1].isupper() and not name.isupper()


def _public(modules: set[str]) -> list[str]:
    """Modules without a private part, the shortest first (where users import from)."""
    return sorted((m for m in modules if is_public(m)), key=lambda m: (m.count("."), m))


# --- results ------------------------------------------------------------------------------


def _clean(text: str) -> str:
    text = re.sub(r"`([^`<]*?)\s*<[^>]*>`_+", r"\1", text)  # RST links: keep the words
    text = re.sub(r"\s*\(\s*(?:#|gh-|GH-)\d+[^)]*\)|\s#\d+\b", "", text)  # issue numbers
    text = re.sub(r":[a-z:]+:`~?([^`]*?)`", lambda m: f"`{m.group(1).split('.')[-1]}`", text)
    return re.sub(r"\s+", " ", text.replace("``", "`")).strip()


def _version_key(version: str | None) -> tuple[int, ...]:
    if version is None:
        return (10**9,)
    return tuple(int(part) for part in re.findall(r"\d+", version))


def _merge(found: dict[tuple[str, str | None, str], Deprecation], item: Deprecation) -> None:
    """One API once: the earliest removal and deprecation versions, the removal's words."""
    key = (item.module, item.owner, item.name)
    known = found.get(key)
    if known is None:
        found[key] = item
        return
    if item.removed and _version_key(item.removed) < _version_key(known.removed):
        known.removed, known.message, known.file, known.line = (
            item.removed,
            item.message,
            item.file,
            item.line,
        )
    if item.version and _version_key(item.version) < _version_key(known.version):
        known.version = item.version


def merge_changelog(source: list[Deprecation], listed: list[Deprecation]) -> list[Deprecation]:
    """The source's findings with what the changelog adds: an API both name keeps the
    source's words and gains the changelog's removal (and deprecation) version; one only
    the changelog names (removed, so no longer in the source) is added."""
    merged = list(source)
    by_key = {(item.module, item.owner, item.name): item for item in source}
    for item in listed:
        known = by_key.get((item.module, item.owner, item.name))
        if known is None:
            merged.append(item)
            continue
        known.signals |= item.signals
        known.removed = known.removed or item.removed
        known.version = known.version or item.version
    return merged
