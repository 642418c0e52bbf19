"""Formatters for findings: ``text``, ``json`` and ``sarif``."""

from __future__ import annotations

from upstream.report.json_report import format_json
from upstream.report.sarif import format_sarif
from upstream.report.text import format_text

FORMATS = ("text", "json", "sarif")

__all__ = ["FORMATS", "format_json", "format_sarif", "format_text"]
