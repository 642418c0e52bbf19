"""The one table of languages: LSP languageId and file extension -> tree-sitter grammar.

Adding a language is one row here plus its grammar wheel in pyproject.toml. Each row also
names the few node kinds the engine must know about: comments (for suppressions), strings
(compared by value), member access (dotted names resolved through imports) and the
containers whose keyed children match in any order.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

import tree_sitter


@dataclass(frozen=True, eq=False)  # one instance per language: identity is equality
class LanguageSpec:
    """How the engine treats one language."""

    name: str
    extensions: tuple[str, ...]
    load: Callable[[], object] = field(repr=False)
    # Comment syntax for inserting suppressions and for `expect:` lines in pack tests.
    line_comment: str
    comment_kinds: frozenset[str]
    string_kinds: frozenset[str] = frozenset()
    identifier_kinds: frozenset[str] = frozenset({"identifier"})
    # member-access kind -> (object field, property field)
    member_kinds: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Containers whose keyed children (keyword arguments, object pairs) match in any order.
    unordered_kinds: frozenset[str] = frozenset()
    keyed_kinds: frozenset[str] = frozenset()
    # Wrappers tried in turn when a pattern does not parse on its own (e.g. Java statements).
    pattern_contexts: tuple[tuple[str, str], ...] = (("", ""),)
    # Whether import statements are resolved so dotted names match through aliases.
    resolves_imports: bool = False
    # Whether `{ a: 1 }` and `{ "a": 1 }` name the same key (JavaScript objects).
    quoted_keys_equal: bool = False
    # Statements that import: an edit to one re-checks the whole file (engine/incremental).
    import_kinds: frozenset[str] = frozenset()
    # string kind -> the child holding the text between the quotes, when there is one
    string_content: dict[str, str] = field(default_factory=dict)

    @functools.cached_property
    def grammar(self) -> tree_sitter.Language:
        return tree_sitter.Language(self.load())

    def parser(self) -> tree_sitter.Parser:
        return tree_sitter.Parser(self.grammar)

    @functools.cached_property
    def root_kind(self) -> str:
        """The node kind of a file's root (``module``, ``program``, ``source_file``)."""
        return self.parser().parse(b"").root_node.type


def _python() -> object:
    import tree_sitter_python

    return tree_sitter_python.language()


def _javascript() -> object:
    import tree_sitter_javascript

    return tree_sitter_javascript.language()


def _typescript() -> object:
    import tree_sitter_typescript

    return tree_sitter_typescript.language_typescript()


def _tsx() -> object:
    import tree_sitter_typescript

    return tree_sitter_typescript.language_tsx()


def _java() -> object:
    import tree_sitter_java

    return tree_sitter_java.language()


def _go() -> object:
    import tree_sitter_go

    return tree_sitter_go.language()


def _sql() -> object:
    import tree_sitter_sql

    return tree_sitter_sql.language()


def _javascript_like(
    name: str, extensions: tuple[str, ...], load: Callable[[], object]
) -> LanguageSpec:
    # JavaScript, TypeScript and TSX share node kinds for everything the engine looks at.
    return LanguageSpec(
        name=name,
        extensions=extensions,
        load=load,
        line_comment="//",
        comment_kinds=frozenset({"comment"}),
        string_kinds=frozenset({"string", "template_string"}),
        string_content={"string": "string_fragment", "template_string": "string_fragment"},
        identifier_kinds=frozenset(
            {"identifier", "property_identifier", "shorthand_property_identifier"}
        ),
        member_kinds={"member_expression": ("object", "property")},
        unordered_kinds=frozenset({"object", "object_pattern"}),
        keyed_kinds=frozenset({"pair", "shorthand_property_identifier", "method_definition"}),
        resolves_imports=True,
        quoted_keys_equal=True,
        import_kinds=frozenset({"import_statement"}),
    )


# The languages whose files share JavaScript's import, test and type conventions.
JAVASCRIPT_LIKE = frozenset({"javascript", "typescript", "tsx"})

LANGUAGES: dict[str, LanguageSpec] = {
    spec.name: spec
    for spec in (
        LanguageSpec(
            name="python",
            extensions=(".py", ".pyi"),
            load=_python,
            line_comment="#",
            comment_kinds=frozenset({"comment"}),
            string_kinds=frozenset({"string"}),
            string_content={"string": "string_content"},
            member_kinds={"attribute": ("object", "attribute")},
            unordered_kinds=frozenset({"argument_list", "dictionary"}),
            keyed_kinds=frozenset({"keyword_argument", "pair"}),
            resolves_imports=True,
            import_kinds=frozenset(
                {"import_statement", "import_from_statement", "future_import_statement"}
            ),
        ),
        _javascript_like("javascript", (".js", ".mjs", ".cjs", ".jsx"), _javascript),
        _javascript_like("typescript", (".ts", ".mts", ".cts"), _typescript),
        _javascript_like("tsx", (".tsx",), _tsx),
        LanguageSpec(
            name="java",
            extensions=(".java",),
            load=_java,
            line_comment="//",
            comment_kinds=frozenset({"line_comment", "block_comment"}),
            string_kinds=frozenset({"string_literal"}),
            string_content={"string_literal": "string_fragment"},
            identifier_kinds=frozenset({"identifier", "type_identifier"}),
            member_kinds={
                "field_access": ("object", "field"),
                "scoped_identifier": ("scope", "name"),
            },
            pattern_contexts=(
                ("", ""),
                ("class __Upstream { void __upstream() { ", "; } }"),
                ("class __Upstream { void __upstream() { ", " } }"),
                ("class __Upstream { ", " }"),
            ),
            import_kinds=frozenset({"import_declaration"}),
        ),
        LanguageSpec(
            name="go",
            extensions=(".go",),
            load=_go,
            line_comment="//",
            comment_kinds=frozenset({"comment"}),
            string_kinds=frozenset({"interpreted_string_literal", "raw_string_literal"}),
            string_content={
                "interpreted_string_literal": "interpreted_string_literal_content",
                "raw_string_literal": "raw_string_literal_content",
            },
            identifier_kinds=frozenset(
                {"identifier", "field_identifier", "package_identifier", "type_identifier"}
            ),
            member_kinds={"selector_expression": ("operand", "field")},
            unordered_kinds=frozenset({"literal_value"}),
            keyed_kinds=frozenset({"keyed_element"}),
            pattern_contexts=(
                ("", ""),
                ("package __upstream\nfunc __upstream() {\n", "\n}"),
            ),
            import_kinds=frozenset({"import_declaration"}),
        ),
        LanguageSpec(
            name="sql",
            extensions=(".sql",),
            load=_sql,
            line_comment="--",
            comment_kinds=frozenset({"comment", "marginalia"}),
            string_kinds=frozenset({"literal"}),
        ),
    )
}

# LSP languageIds that differ from our names.
_LANGUAGE_ID_ALIASES = {
    "javascriptreact": "javascript",
    "typescriptreact": "tsx",
    "golang": "go",
}

_BY_EXTENSION = {ext: spec for spec in LANGUAGES.values() for ext in spec.extensions}


def language_for_id(language_id: str) -> LanguageSpec | None:
    """The language for an LSP languageId (or one of our names), or None."""
    name = _LANGUAGE_ID_ALIASES.get(language_id, language_id)
    return LANGUAGES.get(name)


def language_for_path(path: str | PurePath) -> LanguageSpec | None:
    """The language for a file name, by its extension, or None."""
    return _BY_EXTENSION.get(PurePath(path).suffix.lower())
