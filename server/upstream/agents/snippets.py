"""Snippet mode: check a code fragment as if it imported the conventional aliases it uses.

A completion such as ``return np.float(x)`` has no ``import numpy as np``, so every rule with
``imports: [numpy]`` would be off and the model's mistake would go uncounted. In snippet mode
(``upstream eval --snippet``, ``upstream eval pairs --snippet``, the MCP tool's ``snippet``
argument) a name from ``CONVENTIONAL_IMPORTS`` that the code uses only as
``name.attribute``, and never defines, imports or mentions otherwise, is read as its
conventional import. Any other mention of the
name (an assignment, a parameter, ``print(np)``) leaves it alone: the fragment may mean
something else by it. This is for fragments, not for ``check`` on a project, where a missing
import is a real error and the file's own imports decide.
"""

from __future__ import annotations

import dataclasses
import functools

import tree_sitter
from upstream.engine import Document, Edit, Finding, LanguageSpec

# The import each conventional alias stands for, in the libraries' own docs' spelling.
CONVENTIONAL_IMPORTS: dict[str, dict[str, str]] = {
    "python": {
        "np": "import numpy as np",
        "pd": "import pandas as pd",
        "tf": "import tensorflow as tf",
        "keras": "from tensorflow import keras",
        "torch": "import torch",
        "nn": "from torch import nn",
        "F": "import torch.nn.functional as F",
        "plt": "import matplotlib.pyplot as plt",
        "mpl": "import matplotlib as mpl",
        "sns": "import seaborn as sns",
        "scipy": "import scipy",
        "sklearn": "import sklearn",
        "transformers": "import transformers",
    },
}


@functools.cache
def _identifiers(spec: LanguageSpec) -> tree_sitter.Query:
    return tree_sitter.Query(
        spec.grammar, "(identifier) @name (attribute object: (identifier) @object)"
    )


def implied_imports(code: str, spec: LanguageSpec) -> str:
    """The import lines snippet mode puts before ``code``: one per conventional alias the
    code uses only as ``alias.attribute`` (empty for a language without aliases)."""
    aliases = CONVENTIONAL_IMPORTS.get(spec.name)
    if not aliases:
        return ""
    source = code.encode("utf-8", "surrogatepass")
    root = spec.parser().parse(source).root_node
    captures = tree_sitter.QueryCursor(_identifiers(spec)).captures(root)
    receivers = {node.id for node in captures.get("object", [])}
    used: set[str] = set()
    mentioned: set[str] = set()
    for node in captures.get("name", []):
        name = (node.text or b"").decode("utf-8", "replace")
        if name in aliases:
            (used if node.id in receivers else mentioned).add(name)
    return "".join(aliases[name] + "\n" for name in sorted(used - mentioned))


def findings_after(findings: list[Finding], offset: int, code: Document) -> list[Finding]:
    """The findings of a check of ``before + code`` (``offset`` bytes of ``before``) that reach
    into ``code``, at their positions in it. One that starts before ``code`` starts where
    ``code`` does; a fix that would edit ``before`` is dropped."""
    if not offset:
        return findings
    return [_moved(f, offset, code) for f in findings if f.end_byte > offset]


def _moved(finding: Finding, offset: int, code: Document) -> Finding:
    start, end = max(finding.start_byte - offset, 0), finding.end_byte - offset
    fix = finding.fix
    return dataclasses.replace(
        finding,
        start_byte=start,
        end_byte=end,
        start=code.position(start),
        end=code.position(end),
        fix=None if fix is None or fix.start_byte < offset else _moved_edit(fix, offset, code),
    )


def _moved_edit(edit: Edit, offset: int, code: Document) -> Edit:
    start, end = edit.start_byte - offset, edit.end_byte - offset
    return dataclasses.replace(
        edit, start_byte=start, end_byte=end, start=code.position(start), end=code.position(end)
    )
