"""Optional dependencies: a command whose extra is missing says what to install."""

from __future__ import annotations

import importlib

from upstream.errors import MissingExtraError


def require(module: str, feature: str, extra: str) -> None:
    """Raise ``MissingExtraError`` (exit 2, one line) unless ``module`` can be imported."""
    try:
        importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(feature, extra, module) from None
