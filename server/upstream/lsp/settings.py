"""Editor settings (section ``upstream``): typed, defaulted, and forgiving.

A bad value is reported once and replaced by its default; it never stops the server.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from upstream.engine import Severity

DEFAULT_DEBOUNCE_MS = 150
DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024


class EditorSettings(BaseModel):
    """What a client may send under ``upstream`` (camelCase, as editors write settings)."""

    model_config = ConfigDict(populate_by_name=True, frozen=True, extra="ignore")

    packs: list[str] | None = None  # bundled packs to use; None: all
    pack_paths: list[str] = Field(default=[], alias="packPaths")
    workspace_packs: bool = Field(default=False, alias="workspacePacks")
    severity: dict[str, Severity] = {}
    disable: list[str] = []
    unknown_version: Literal["apply", "skip"] | None = Field(default=None, alias="unknownVersion")
    debounce: int = Field(default=DEFAULT_DEBOUNCE_MS, ge=0, le=10_000)
    new_code_mode: bool = Field(default=False, alias="newCodeMode")
    max_file_size: int = Field(default=DEFAULT_MAX_FILE_BYTES, ge=0, alias="maxFileSize")
    # The project's Python interpreter or virtualenv folder (default: .venv, venv or
    # $VIRTUAL_ENV): its installed versions decide version gates, its libraries' packs load.
    python_environment: str | None = Field(default=None, alias="pythonEnvironment")


def parse_settings(raw: Any) -> tuple[EditorSettings, list[str]]:
    """Settings from a client value, and one message per field that was replaced."""
    if raw is None:
        return EditorSettings(), []
    if not isinstance(raw, dict):
        return EditorSettings(), [f"upstream settings must be an object, not {type(raw).__name__}"]
    try:
        return EditorSettings.model_validate(raw), []
    except ValidationError as error:
        bad = {str(item["loc"][0]) for item in error.errors() if item["loc"]}
        messages = [
            f"setting upstream.{'.'.join(map(str, item['loc']))}: {item['msg']} (default used)"
            for item in error.errors()
        ]
        kept = {key: value for key, value in raw.items() if key not in bad}
        try:
            return EditorSettings.model_validate(kept), messages
        except ValidationError:
            return EditorSettings(), messages


def merged(
    base: EditorSettings, override: EditorSettings, override_fields: set[str]
) -> EditorSettings:
    """``base`` with the fields a client actually sent in ``override``."""
    return base.model_copy(update={name: getattr(override, name) for name in override_fields})
