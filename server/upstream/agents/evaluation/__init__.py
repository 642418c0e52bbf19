"""``upstream eval``: score model completions against the packs, per model and per rule."""

from __future__ import annotations

from upstream.agents.evaluation._context import PromptContext, read_prompt
from upstream.agents.evaluation._records import Sample, guess_language, read_samples
from upstream.agents.evaluation._report import (
    EvalReport,
    ModelSummary,
    format_csv,
    format_html,
    format_json,
    format_text,
    pack_chart_png,
    summarise,
    wilson_interval,
)
from upstream.agents.evaluation._run import (
    SampleResult,
    check_sample,
    completion_findings,
    run_dask,
    run_local,
    terminal_progress,
)

__all__ = [
    "EvalReport",
    "ModelSummary",
    "PromptContext",
    "Sample",
    "SampleResult",
    "check_sample",
    "completion_findings",
    "format_csv",
    "format_html",
    "format_json",
    "format_text",
    "guess_language",
    "pack_chart_png",
    "read_prompt",
    "read_samples",
    "run_dask",
    "run_local",
    "summarise",
    "terminal_progress",
    "wilson_interval",
]
