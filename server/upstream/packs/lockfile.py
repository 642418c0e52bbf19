"""``upstream.lock``: the packs a project uses, pinned by sha256, next to its config.

```toml
# upstream.lock: written by `upstream pack`; commit it, don't edit it.
version = 1

[[pack]]
name = "mongodb"
version = "0.2.0"
sha256 = "3f1c..."
source = "https://packs.example.org/mongodb-0.2.0.tar.gz"
index = "https://packs.example.org/index.json"
requested = ">=0.2"
public-key = "q9Xb..."
```

``source`` is where the archive came from (a URL, or a path relative to the lock's folder);
``index``, ``requested`` and ``public-key`` are kept for ``pack update``. The file is
written whole to a temporary file and renamed over the old one, so it is never half-written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from upstream.errors import ConfigError, first_error_line
from upstream.files import TOMLDecodeError, parse_toml, write_atomically
from upstream.project.config import ProjectConfig

LOCK_FILE = "upstream.lock"
LOCK_VERSION = 1
_HEADER = "# upstream.lock: written by `upstream pack`; commit it, don't edit it.\n"


class LockedPack(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    name: str
    version: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    source: str
    index: str | None = None
    requested: str | None = None
    public_key: str | None = Field(
        default=None, validation_alias="public-key", serialization_alias="public-key"
    )


@dataclass(frozen=True)
class Lock:
    path: Path
    packs: tuple[LockedPack, ...] = ()

    def get(self, name: str) -> LockedPack | None:
        return next((pack for pack in self.packs if pack.name == name), None)

    def with_pack(self, pack: LockedPack) -> Lock:
        others = [p for p in self.packs if p.name != pack.name]
        return replace(self, packs=tuple(sorted([*others, pack], key=_name)))

    def without(self, name: str) -> Lock:
        return replace(self, packs=tuple(p for p in self.packs if p.name != name))


def _name(pack: LockedPack) -> str:
    return pack.name


def lock_path_for(config: ProjectConfig, start: Path | None = None) -> Path:
    """Where the project's lock is: beside its config file, else the nearest one above
    ``start``, else (for a new lock) in ``start`` itself."""
    if config.source is not None:
        return Path(config.source).parent / LOCK_FILE
    folder = (start or Path.cwd()).resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        if (candidate / LOCK_FILE).is_file():
            return candidate / LOCK_FILE
    return folder / LOCK_FILE


def read_lock(path: Path) -> Lock:
    """The lock at ``path`` (empty if there is none); ConfigError names a bad entry."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Lock(path=path)
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    try:
        data = parse_toml(text)
    except TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    version = data.get("version")
    if version != LOCK_VERSION:
        raise ConfigError(f"{path}: version: expected {LOCK_VERSION}, found {version!r}")
    entries = data.get("pack", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: pack: expected [[pack]] tables")
    packs: list[LockedPack] = []
    for number, entry in enumerate(entries):
        try:
            packs.append(LockedPack.model_validate(entry))
        except ValidationError as error:
            key, message = first_error_line(error)
            raise ConfigError(f"{path}: pack[{number}].{key}: {message}") from None
    names = [pack.name for pack in packs]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ConfigError(f"{path}: pack {duplicates[0]!r} is locked twice")
    return Lock(path=path, packs=tuple(packs))


def render_lock(lock: Lock) -> str:
    lines = [_HEADER, f"version = {LOCK_VERSION}\n"]
    for pack in sorted(lock.packs, key=_name):
        lines.append("\n[[pack]]\n")
        for key, value in pack.model_dump(by_alias=True).items():
            if value is not None:
                # A JSON string literal is a valid TOML basic string.
                lines.append(f"{key} = {json.dumps(value)}\n")
    return "".join(lines)


def write_lock(lock: Lock) -> bool:
    """Write ``lock`` atomically; False (and no write at all) when nothing changed."""
    text = render_lock(lock)
    try:
        if lock.path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    mode = lock.path.stat().st_mode & 0o7777 if lock.path.exists() else 0o644
    write_atomically(lock.path, text, mode=mode, durable=True)
    return True
