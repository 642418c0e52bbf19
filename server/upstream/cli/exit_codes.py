"""Exit codes of every ``upstream`` command."""

from __future__ import annotations

EXIT_CLEAN = 0  # nothing found, or the command did what it was asked
EXIT_FINDINGS = 1  # findings, failed pack tests, outdated packs, lint problems
EXIT_ERROR = 2  # usage, configuration or pack error; an internal error (on a file or not)
EXIT_INTERRUPTED = 130  # Ctrl-C
