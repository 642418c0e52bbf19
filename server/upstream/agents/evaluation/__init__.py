"""``upstream eval``: score model completions against the packs, per model and per rule."""

from __future__ import annotations

from upstream.agents.evaluation._context import PromptContext, read_prompt
from upstream.agents.evaluation._records import Sample, guess_language, read_samples, run_labels
from upstream.agents.evaluation._report import (
    EvalReport,
    ModelSummary,
    format_csv,
    format_json,
    format_runs_csv,
    format_runs_json,
    format_runs_text,
    format_text,
    pack_chart_png,
    summarise,
    wilson_interval,
)
from upstream.agents.evaluation._run import (
    Hit,
    SampleResult,
    check_sample,
    completion_findings,
    run_dask,
    run_local,
    terminal_progress,
)
from upstream.agents.evaluation.card import Run, format_card, make_runs

__all__ = [
    "EvalReport",
    "Hit",
    "ModelSummary",
    "PromptContext",
    "Run",
    "Sample",
    "SampleResult",
    "check_sample",
    "completion_findings",
    "format_card",
    "format_csv",
    "format_json",
    "format_runs_csv",
    "format_runs_json",
    "format_runs_text",
    "format_text",
    "guess_language",
    "make_runs",
    "pack_chart_png",
    "read_prompt",
    "read_samples",
    "run_dask",
    "run_labels",
    "run_local",
    "summarise",
    "terminal_progress",
    "wilson_interval",
]
