"""Substitute metavariables into messages and fix templates."""

from __future__ import annotations

import re
from collections.abc import Callable

from upstream.engine.structural import Bindings, binding_text

_REFERENCE = re.compile(
    r"\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}|\$\$\$([A-Z_][A-Z0-9_]*)|\$([A-Z_][A-Z0-9_]*)"
)


def references(template: str) -> tuple[set[str], set[str]]:
    """Names a template uses as ``{{NAME}}`` and as ``$NAME`` / ``$$$NAME``."""
    braces, dollars = set(), set()
    for match in _REFERENCE.finditer(template):
        if match.group(1):
            braces.add(match.group(1))
        else:
            dollars.add(match.group(2) or match.group(3))
    return braces, dollars


def _drop_empty_runs(template: str, bindings: Bindings) -> str:
    # `f($A, $$$REST)` with nothing in REST must give `f(a)`, not `f(a, )`.
    for name, binding in bindings.items():
        if binding != ():
            continue
        run = re.escape("$$$" + name) + r"(?![A-Z0-9_])"
        template = re.sub(r"\s*,\s*" + run, "", template)
        template = re.sub(run + r"\s*,\s*", "", template)
        template = re.sub(r"([(\[{])\s*" + run + r"\s*([)\]}])", r"\1\2", template)
    return template


def render(template: str, bindings: Bindings, source: bytes) -> str:
    """Replace every bound reference; an unbound ``$NAME`` stays as written (``$where``
    in a MongoDB message is text, not a metavariable)."""
    template = _drop_empty_runs(template, bindings)

    def replace(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2) or match.group(3)
        binding = bindings.get(name)
        if binding is None:
            return "" if match.group(1) else match.group(0)
        return binding_text(binding, source)

    return _REFERENCE.sub(replace, template)


Renderer = Callable[[str, Bindings, bytes], str]
