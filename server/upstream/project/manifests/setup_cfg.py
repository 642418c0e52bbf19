"""setup.cfg: setuptools' declarative `[options]` requirements, read with configparser.

`install_requires` and `tests_require` in `[options]` and each key of
`[options.extras_require]`: one requirement a line (a one-line value may separate them
with `;`, as setuptools reads it), or `file: a.txt, b.txt` (setuptools >= 62.6). The
`[requirements-files]` section of setuptools-declarative-requirements names files too.
"""

from __future__ import annotations

import configparser
import re
from collections.abc import Iterator
from pathlib import Path

from upstream.project.manifests.model import Manifest, _first_line
from upstream.project.manifests.requirements import (
    RequirementsReader,
    add_pep508,
    project_root,
)

__all__ = ["parse_setup_cfg"]

_OPTIONS = "options"
_EXTRAS = "options.extras_require"
_FILES = "requirements-files"
_LISTS = ("install_requires", "tests_require")
_INLINE_COMMENT = re.compile(r"(^|\s)#.*$")


def _values(parser: configparser.ConfigParser) -> Iterator[tuple[str, str]]:
    """(section, raw value) of every option that holds requirements."""
    for section, keys in ((_OPTIONS, _LISTS), (_FILES, _LISTS)):
        for key in keys:
            if parser.has_option(section, key):
                yield section, parser.get(section, key)
    for section in (_EXTRAS,):
        if parser.has_section(section):
            for key in parser.options(section):
                yield section, parser.get(section, key)
    if parser.has_option(_FILES, "extras_require"):
        for line in parser.get(_FILES, "extras_require").splitlines():
            _, _, files = line.partition("=")
            if files.strip():
                yield _FILES, files


def _requirements(value: str) -> list[str]:
    """A list value as setuptools splits it: by line, or by `;` when on one line."""
    parts = value.splitlines() if "\n" in value.strip() else value.split(";")
    lines = (_INLINE_COMMENT.sub("", part).strip() for part in parts)
    return [line for line in lines if line]


def _section_lines(lines: list[str]) -> dict[str, tuple[int, int]]:
    """Section name -> (index of its first line, index past its last)."""
    headers = [
        (index, line.strip()[1:-1].strip())
        for index, line in enumerate(lines)
        if line.strip().startswith("[") and line.strip().endswith("]")
    ]
    spans: dict[str, tuple[int, int]] = {}
    for position, (index, name) in enumerate(headers):
        end = headers[position + 1][0] if position + 1 < len(headers) else len(lines)
        spans.setdefault(name, (index + 1, end))
    return spans


def parse_setup_cfg(path: Path) -> Manifest:
    """setup.cfg: see the module docstring."""
    text = path.read_text(encoding="utf-8")
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.read_string(text, str(path))
    lines = text.splitlines()
    spans = _section_lines(lines)
    manifest = Manifest()
    reader = RequirementsReader(manifest, project_root(path))
    for section, value in _values(parser):
        start, stop = spans.get(section, (0, len(lines)))
        stripped = value.strip()
        if section == _FILES or stripped.startswith("file:"):
            for name in stripped.removeprefix("file:").split(","):
                if name.strip():
                    reader.read(path.parent / name.strip())
            continue
        for requirement in _requirements(value):
            line = _first_line(lines, re.compile(re.escape(requirement)), start, stop)
            add_pep508(manifest.entries, requirement, path, line)
    return reader.finish()
