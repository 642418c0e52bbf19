"""Find an npm package's deprecated exports in its ``.d.ts`` files (JSDoc ``@deprecated``).

Parsed with tree-sitter-typescript; nothing is run. Exported classes, functions and their
members, and interface members (options objects), are drafted; a deprecated type alias or
whole interface is only usable in type positions, so it is counted but not drafted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import tree_sitter

from upstream.authoring.seed.model import Deprecation, Kind
from upstream.engine import language_for_path

_SKIPPED_DIRS = {"node_modules", "test", "tests", "__tests__", "examples", "docs"}
_TAG = re.compile(r"@deprecated\b[\s:-]*(.*?)(?=\n\s*\*?\s*@\w|\*/|$)", re.DOTALL)
_VERSION = re.compile(
    r"\b(?:since|as of|in)\s+(?:version\s+|v)?(\d+\.\d+(?:\.\d+)?)\b", re.IGNORECASE
)


@dataclass
class TypeScriptScan:
    deprecations: list[Deprecation] = field(default_factory=list)
    type_only: int = 0
    files: int = 0


def scan_typescript(root: Path, package: str) -> TypeScriptScan:
    """Every ``@deprecated`` export in the ``.d.ts`` files under ``root``."""
    scan = TypeScriptScan()
    spec = language_for_path("index.ts")
    assert spec is not None
    parser = spec.parser()
    seen: set[tuple[str | None, str, str]] = set()
    for file in sorted(root.rglob("*.d.ts")):
        relative = file.relative_to(root)
        if any(part in _SKIPPED_DIRS for part in relative.parts[:-1]):
            continue
        scan.files += 1
        tree = parser.parse(file.read_bytes())
        _Walk(scan, package, str(relative), seen).program(tree.root_node)
    return scan


def _text(node: tree_sitter.Node | None) -> str:
    return node.text.decode("utf-8", "replace") if node is not None and node.text else ""


def _deprecation_note(comment: tree_sitter.Node | None) -> str | None:
    if comment is None or comment.type != "comment":
        return None
    text = _text(comment)
    if not text.startswith("/**") or "@deprecated" not in text:
        return None
    match = _TAG.search(text)
    note = match.group(1) if match else ""
    note = re.sub(r"^\s*\*\s?", "", note, flags=re.MULTILINE)
    # {@link Collection#countDocuments| countDocuments} -> `countDocuments`
    note = re.sub(r"\{@link\s+([^}|\s]+)(?:\s*\|\s*([^}]+))?\}", _link, note)
    return re.sub(r"\s+", " ", note).strip()


def _link(match: re.Match[str]) -> str:
    shown = (match.group(2) or match.group(1)).strip()
    return f"`{re.split(r'[#.]', shown)[-1]}`"


class _Walk:
    def __init__(
        self,
        scan: TypeScriptScan,
        package: str,
        file: str,
        seen: set[tuple[str | None, str, str]],
    ) -> None:
        self.scan = scan
        self.package = package
        self.file = file
        self.seen = seen

    def program(self, root: tree_sitter.Node) -> None:
        previous: tree_sitter.Node | None = None
        for node in root.named_children:
            if node.type == "export_statement":
                self._export(node, _deprecation_note(previous))
            elif node.type == "ambient_declaration":
                # `declare module "x" { ... }` bodies list exports the same way.
                for block in node.named_children:
                    body = block.child_by_field_name("body")
                    if body is not None:
                        self.program(body)
            previous = node

    def _export(self, node: tree_sitter.Node, note: str | None) -> None:
        declaration = node.child_by_field_name("declaration")
        if declaration is not None and declaration.type == "ambient_declaration":
            declaration = declaration.named_children[0] if declaration.named_children else None
        if declaration is None:
            return
        name = _text(declaration.child_by_field_name("name"))
        kind = declaration.type
        if kind in ("class_declaration", "abstract_class_declaration"):
            if note is not None:
                self._add(None, name, "class", declaration, note)
            self._members(declaration.child_by_field_name("body"), name, interface=False)
        elif kind == "function_signature" or kind == "function_declaration":
            if note is not None:
                self._add(None, name, "function", declaration, note)
        elif kind == "interface_declaration":
            if note is not None:
                self.scan.type_only += 1
            self._members(declaration.child_by_field_name("body"), name, interface=True)
        elif kind in ("type_alias_declaration", "enum_declaration") and note is not None:
            self.scan.type_only += 1
        elif kind == "lexical_declaration" and note is not None:
            for declarator in declaration.named_children:
                variable = _text(declarator.child_by_field_name("name"))
                if variable:
                    self._add(None, variable, "function", declarator, note)

    def _members(self, body: tree_sitter.Node | None, owner: str, interface: bool) -> None:
        if body is None:
            return
        previous: tree_sitter.Node | None = None
        for member in body.named_children:
            note = _deprecation_note(previous)
            previous = member
            if note is None or member.type == "comment":
                continue
            name = _text(member.child_by_field_name("name"))
            if not re.match(r"^[A-Za-z_$][\w$]*$", name) or name.startswith("_"):
                continue
            if any(_text(child) in ("private", "protected") for child in member.children):
                continue
            kind: Kind
            if member.type in ("method_signature", "method_definition"):
                getter = any(child.type in ("get", "set") for child in member.children)
                kind = "property" if getter else "method"
            elif member.type in ("property_signature", "public_field_definition"):
                kind = "field" if interface else "property"
            else:
                continue
            self._add(owner, name, kind, member, note)

    def _add(
        self, owner: str | None, name: str, kind: Kind, node: tree_sitter.Node, note: str
    ) -> None:
        key = (owner, name, kind)
        if not name or key in self.seen:
            return  # overloads and re-declarations: one API
        self.seen.add(key)
        version = _VERSION.search(note)
        self.scan.deprecations.append(
            Deprecation(
                module=self.package,
                owner=owner,
                name=name,
                kind=kind,
                package=self.package,
                file=self.file,
                line=node.start_point[0] + 1,
                message=note or None,
                version=version.group(1) if version else None,
                signals={"jsdoc"},
            )
        )
