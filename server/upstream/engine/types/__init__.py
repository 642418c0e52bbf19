"""What names and expressions refer to, from the object models packs declare.

``document_types`` gives the oracle a document's ``where: {X: {type: ...}}`` filters ask;
nothing is computed until a filter asks (most documents never do).
"""

from __future__ import annotations

import tree_sitter

from upstream.engine.languages import LanguageSpec
from upstream.engine.types.javascript import JavaScriptTypes
from upstream.engine.types.model import TypeModel, Value
from upstream.engine.types.project import ProjectIndex
from upstream.engine.types.python import PythonTypes

_JAVASCRIPT_LIKE = frozenset({"javascript", "typescript", "tsx"})


class LazyTypes:
    """A document's types, inferred on the first question."""

    def __init__(
        self,
        spec: LanguageSpec,
        root: tree_sitter.Node,
        model: TypeModel,
        path: str = "",
        project: ProjectIndex | None = None,
    ) -> None:
        self._spec, self._root, self._model = spec, root, model
        self._path, self._project = path, project
        self._inferred: PythonTypes | JavaScriptTypes | None = None

    def value_of(self, node: tree_sitter.Node) -> Value | None:
        if self._inferred is None and self._spec.name in _JAVASCRIPT_LIKE:
            # The project index reads Python modules only.
            self._inferred = JavaScriptTypes(self._spec, self._root, self._model, self._path)
        if self._inferred is None:
            if self._spec.name != "python":
                return None
            project, model = self._project, self._model
            lookup = None
            if project is not None and self._path:
                lookup = lambda importer, path: project.lookup(importer, path, model)  # noqa: E731
            self._inferred = PythonTypes(self._spec, self._root, model, self._path, lookup)
        try:
            return self._inferred.value_of(node)
        except RecursionError:
            return None  # a pathological file: unknown, never a crash


__all__ = ["LazyTypes", "ProjectIndex", "TypeModel", "Value"]
