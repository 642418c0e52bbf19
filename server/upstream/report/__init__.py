"""Formatters for findings: ``text``, ``json``, ``sarif``, and the CI formats ``github``
(workflow commands), ``gitlab`` (Code Quality) and ``junit``."""

from __future__ import annotations

from upstream.report.github import format_github
from upstream.report.gitlab import format_gitlab
from upstream.report.json_report import format_json
from upstream.report.junit import format_junit
from upstream.report.sarif import format_sarif
from upstream.report.text import format_text

FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")

__all__ = [
    "FORMATS",
    "format_github",
    "format_gitlab",
    "format_json",
    "format_junit",
    "format_sarif",
    "format_text",
]
