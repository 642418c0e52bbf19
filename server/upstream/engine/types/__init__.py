"""What names and expressions refer to, from the object models packs declare.

``document_types`` gives the oracle a document's ``where: {X: {type: ...}}`` filters ask;
nothing is computed until a filter asks (most documents never do).
"""

from __future__ import annotations

import tree_sitter

from upstream.engine.languages import JAVASCRIPT_LIKE, LanguageSpec
from upstream.engine.types.javascript import JavaScriptTypes
from upstream.engine.types.model import TypeModel, Value
from upstream.engine.types.project import ProjectIndex
from upstream.engine.types.python import PythonTypes


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
        if self._inferred is None:
            self._inferred = self._infer_file()
            if self._inferred is None:
                return None
        try:
            return self._inferred.value_of(node)
        except RecursionError:
            return None  # a pathological file: unknown, never a crash

    def _infer_file(self) -> PythonTypes | JavaScriptTypes | None:
        spec, root, model, path = self._spec, self._root, self._model, self._path
        project, lookup = self._project, None
        if project is not None and path:
            lookup = lambda importer, imported: project.lookup(importer, imported, model)  # noqa: E731
        if spec.name in JAVASCRIPT_LIKE:
            types = JavaScriptTypes(spec, root, model, path, lookup)
            if project is not None and path:
                # What the project's other files set on what this one exports.
                types.elsewhere = lambda function, name: project.set_by_importers(
                    path, function, name, model
                )
                types.installed = lambda function: project.installed_by_importers(
                    path, function, model
                )
                # What every definition of a member in the project agrees on.
                types.shared = lambda name: project.shared_member(name, model)
            return types
        if spec.name == "python":
            return PythonTypes(spec, root, model, path, lookup)
        return None


__all__ = ["LazyTypes", "ProjectIndex", "TypeModel", "Value"]
