"""What a seeder finds: one deprecated API, and where the library said so."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# "attribute": a module-level name of unknown kind (one a module `__getattr__` answers);
# "module": a deprecated module (its `__getattr__` always warns), `module` is its parent.
Kind = Literal["function", "method", "class", "property", "field", "attribute", "module"]

# How a library says an API is deprecated; the seed report counts APIs per signal.
SIGNALS = ("warning", "decorator", "docstring", "getattr", "jsdoc", "changelog")


@dataclass
class Deprecation:
    """A public API its library marks deprecated."""

    module: str  # where it is defined: "pymongo.collection", or the npm package name
    owner: str | None  # enclosing class or interface, None for a module-level name
    name: str  # the function, method, class or member name
    kind: Kind
    package: str  # what a user's file imports for the rule to apply: "pymongo", "mongodb"
    file: str  # relative to the source root
    line: int
    message: str | None = None  # the library's own words, whitespace collapsed
    version: str | None = None  # the version it was deprecated in, when stated
    removed: str | None = None  # the version that removed it (``.. versionremoved::``)
    signals: set[str] = field(default_factory=set)

    @property
    def display(self) -> str:
        return f"{self.owner}.{self.name}" if self.owner else self.name

    @property
    def qualified(self) -> str:
        return ".".join(part for part in (self.module, self.owner, self.name) if part)
