"""Project configuration: ``[tool.upstream]`` in pyproject.toml, or ``upstream.toml``.

```toml
[tool.upstream]
packs = ["mongodb", "openai"]        # bundled packs to use (default: all)
pack-paths = ["tools/our-pack"]      # extra local packs, relative to this file
disable = ["openai/api-key-global"]  # rules or whole packs to turn off
severity = { "mongodb/shard-key-monotonic" = "error" }
exclude = ["legacy/", "*.min.js"]    # gitignore-style, relative to this file
unknown-version = "apply"            # or "skip": rules whose library version is unknown
library-packs = true                 # packs shipped by installed libraries (or false, or names)
```
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from upstream.engine import Severity
from upstream.errors import ConfigError, first_error_line
from upstream.files import TOMLDecodeError, is_readable_project_file, parse_toml

CONFIG_FILES = ("upstream.toml", "pyproject.toml")


class ProjectConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    packs: list[str] | None = None
    pack_paths: list[str] = Field(default=[], alias="pack-paths")
    disable: list[str] = []
    severity: dict[str, Severity] = {}
    exclude: list[str] = []
    unknown_version: Literal["apply", "skip"] = Field(default="apply", alias="unknown-version")
    # `agent`: rules about removed or deprecated APIs report errors, which agent harnesses
    # that pass on only errors feed back to the model.
    profile: Literal["default", "agent"] = "default"
    # Packs that installed libraries ship: all (true), none (false), or these pack or
    # package names.
    library_packs: bool | list[str] = Field(default=True, alias="library-packs")
    # Where the settings came from; paths in them are relative to its folder.
    root: Path = Field(default=Path("."), exclude=True)
    source: str | None = Field(default=None, exclude=True)

    def is_enabled(self, rule_id: str) -> bool:
        return not names_rule(self.disable, rule_id)

    def pack_path_list(self) -> list[Path]:
        return [(self.root / path).resolve() for path in self.pack_paths]


def names_rule(names: Collection[str], rule_id: str) -> bool:
    """Whether ``names`` lists the rule (``pack/id``) or its whole pack."""
    return rule_id in names or rule_id.split("/", 1)[0] in names


def find_config(start: Path) -> Path | None:
    """The nearest upstream.toml, or pyproject.toml with [tool.upstream], at or above start."""
    directory = start if start.is_dir() else start.parent
    for folder in (directory.resolve(), *directory.resolve().parents):
        candidate = folder / "upstream.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _has_tool_table(candidate):
            return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    if not is_readable_project_file(path):
        return False
    try:
        return b"tool.upstream" in path.read_bytes()
    except OSError:
        return False


def load_config(path: Path | None) -> ProjectConfig:
    """Read a config file (None gives the defaults); raise ConfigError naming the key."""
    if path is None:
        return ProjectConfig()
    if path.exists() and not is_readable_project_file(path):
        raise ConfigError(f"{path}: cannot read: not a regular file within the size limit")
    try:
        data = parse_toml(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except (TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    table: Any = data
    prefix = ""
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("upstream", {})
        prefix = "tool.upstream."
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [{prefix.rstrip('.')}] must be a table")
    try:
        config = ProjectConfig.model_validate(table)
    except ValidationError as error:
        key, message = first_error_line(error)
        raise ConfigError(f"{path}: {prefix}{key}: {message}") from None
    return config.model_copy(update={"root": path.parent.resolve(), "source": str(path)})
