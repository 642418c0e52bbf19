"""What a prompt tells the check of its completion: the imports it made, the versions it names.

A completion that does not parse after its prompt is checked alone, and without the prompt's
``import pandas as pd`` every rule with ``imports: [pandas]`` is off: the model's mistake
would go uncounted. So the prompt's import statements are lent to the completion.

A prompt may also say which library versions it is about, in a *version header*: the
leading comment lines of the prompt (blank lines allowed between them), each holding only a
package name and a version, in the language's line-comment syntax::

    # pandas 2.2.2            # pymongo==4.6             // mongoose 8.1.0
    // mongoose@8.1.0         // @acme/db v2.0.1

The name is the registry's (PyPI for Python, npm for JavaScript/TypeScript, Maven
``group:artifact`` for Java, the module path for Go; SQL has none), the separator is spaces,
``==`` or ``@``, and the version a PEP 440 / SemVer version, with an optional ``v``. Any other
comment line in that block is passed over; the first line of code ends it, and the first
line naming a package wins. Anything more on a line (``# pandas 2.2 or newer``) makes it no
header: a wrong version would silently turn rules off, so a line is read only when it cannot
mean anything else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import tree_sitter
from packaging.version import InvalidVersion, Version
from upstream.engine import LanguageSpec
from upstream.packs.requirements import Ecosystem, Requirement, normalize_name

# Whose package names a header in each language gives.
_ECOSYSTEMS = {
    "python": Ecosystem.PYPI,
    "javascript": Ecosystem.NPM,
    "typescript": Ecosystem.NPM,
    "tsx": Ecosystem.NPM,
    "java": Ecosystem.MAVEN,
    "go": Ecosystem.GO,
}
# A package name as each registry spells it (as packs/requirements.py reads `requires:`).
_NAMES = {
    Ecosystem.PYPI: r"[A-Za-z0-9](?:[\w.-]*[A-Za-z0-9])?",
    Ecosystem.NPM: r"(?:@[\w.-]+/)?[\w.-]+",
    Ecosystem.MAVEN: r"[\w.-]+:[\w.-]+",
    Ecosystem.GO: r"[\w.-]+(?:/[\w.-]+)*",
}
_SEPARATOR_AND_VERSION = r"(?:\s+|\s*==\s*|@)v?(?P<version>\d[\w.+!-]*)"

# Declarations that bind what `require(...)` returns, in the languages that have it.
_COMMONJS = frozenset({"javascript", "typescript", "tsx"})
_DECLARATIONS = frozenset({"lexical_declaration", "variable_declaration"})


@dataclass(frozen=True)
class PromptContext:
    """The prompt's import statements (as written, in order) and its header's versions."""

    imports: tuple[str, ...] = ()
    versions: Mapping[tuple[Ecosystem, str], Version] = field(default_factory=dict)

    @property
    def preamble(self) -> str:
        """The imports as lines to put before a completion checked without its prompt."""
        return "".join(statement + "\n" for statement in self.imports)

    def satisfies(self, requirement: Requirement, file: Path) -> bool | None:
        """A ``VersionCheck``: the header's version decides, ``None`` (unknown) without one."""
        # Requirement.parse has normalized the name as the header's keys are.
        version = self.versions.get((requirement.ecosystem, requirement.name))
        if version is None:
            return None
        return requirement.specifier.contains(version, prereleases=True)


def read_prompt(prompt: str, spec: LanguageSpec) -> PromptContext:
    """What ``prompt`` tells the check of a completion in ``spec``'s language."""
    return PromptContext(prompt_imports(prompt, spec), version_header(prompt, spec))


def version_header(prompt: str, spec: LanguageSpec) -> dict[tuple[Ecosystem, str], Version]:
    """The versions the prompt's leading comment lines name (see the module's docstring)."""
    ecosystem = _ECOSYSTEMS.get(spec.name)
    if ecosystem is None:
        return {}
    line = re.compile(rf"(?P<name>{_NAMES[ecosystem]}){_SEPARATOR_AND_VERSION}\s*")
    versions: dict[tuple[Ecosystem, str], Version] = {}
    for text in prompt.splitlines():
        text = text.strip()
        if not text:
            continue
        if not text.startswith(spec.line_comment):
            break
        match = line.fullmatch(text.removeprefix(spec.line_comment).strip())
        version = _version(match["version"]) if match else None
        if match and version is not None:
            versions.setdefault((ecosystem, normalize_name(ecosystem, match["name"])), version)
    return versions


def _version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def prompt_imports(prompt: str, spec: LanguageSpec) -> tuple[str, ...]:
    """The prompt's import statements (and ``require`` declarations), each once, in order.

    The prompt is parsed with the language's grammar, prose and all: tree-sitter recovers
    the statements around what does not parse. A statement counts only when it parsed
    cleanly and stands on lines of its own, so prose that happens to say "import x" is not
    taken for code.
    """
    source = prompt.encode("utf-8", "surrogatepass")
    root = spec.parser().parse(source).root_node
    found: dict[str, None] = {}
    for node in _import_nodes(root, spec):
        if not node.has_error and _stands_alone(source, node, spec):
            found[source[node.start_byte : node.end_byte].decode("utf-8", "surrogatepass")] = None
    return tuple(found)


def _import_nodes(root: tree_sitter.Node, spec: LanguageSpec) -> Iterator[tree_sitter.Node]:
    """Import statements anywhere in the tree (a function's own imports too), in order."""
    stack = [root]
    while stack:  # iterative: a prompt's nesting must not reach Python's recursion limit
        node = stack.pop()
        if node.type in spec.import_kinds or _is_require_declaration(node, spec):
            yield node
        else:
            stack.extend(reversed(node.children))


def _is_require_declaration(node: tree_sitter.Node, spec: LanguageSpec) -> bool:
    """``const x = require("m")`` / ``let { a } = require("m").b``: CommonJS's import."""
    if spec.name not in _COMMONJS or node.type not in _DECLARATIONS:
        return False
    return any(
        _is_require_call(child.child_by_field_name("value"))
        for child in node.named_children
        if child.type == "variable_declarator"
    )


def _is_require_call(value: tree_sitter.Node | None) -> bool:
    while value is not None and value.type == "member_expression":
        value = value.child_by_field_name("object")
    if value is None or value.type != "call_expression":
        return False
    function = value.child_by_field_name("function")
    arguments = value.child_by_field_name("arguments")
    return (
        function is not None
        and function.type == "identifier"
        and function.text == b"require"
        and arguments is not None
        and [child.type for child in arguments.named_children] == ["string"]
    )


def _stands_alone(source: bytes, node: tree_sitter.Node, spec: LanguageSpec) -> bool:
    """Whether only blanks or a statement ended by ``;`` precede ``node`` on its first line,
    and only blanks, a ``;`` or a comment follow it on its last."""
    line_start = source.rfind(b"\n", 0, node.start_byte) + 1
    before = source[line_start : node.start_byte].strip()
    if before and not before.endswith(b";"):
        return False
    line_end = source.find(b"\n", node.end_byte)
    after = source[node.end_byte : len(source) if line_end < 0 else line_end].strip()
    return not after or after.startswith((b";", spec.line_comment.encode()))
