"""upstream: library maintainers' rules, checked in every editor and in CI."""

from __future__ import annotations

__version__ = "0.1.0"
