"""The report card (``upstream eval DATA... --html CARD.html``): one self-contained page.

Per model the rate of answers with findings and its Wilson interval, per model and topic,
the rules most answers hit, a few answers with their findings, and with several runs the
trend of each model's rate. Everything but the trend is of the last run given: the runs are
oldest first, so the newest is described in full.
"""

from __future__ import annotations

import base64
import html
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from upstream.agents.evaluation._records import Sample
from upstream.agents.evaluation._report import (
    EvalReport,
    ModelSummary,
    chart_png,
    interval_text,
    pack_chart_png,
    percent,
    summarise,
)
from upstream.agents.evaluation._run import Hit, SampleResult

if TYPE_CHECKING:
    from matplotlib.axes import Axes

WORST_RULES = 10
EXAMPLES_PER_MODEL = 2
NO_TOPIC = "(no topic)"

_STYLE = (
    "pre{background:#f6f6f6;padding:.5em;overflow-x:auto}"
    ".ln{color:#999;user-select:none}.hit{background:#ffe08a}td.msg{text-align:left}"
)


@dataclass(frozen=True)
class Run:
    """One DATA argument: its label, its samples and their results (in the same order)."""

    label: str
    samples: tuple[Sample, ...]
    results: tuple[SampleResult, ...]
    report: EvalReport


def format_card(runs: Sequence[Run]) -> str:
    """The whole card as one HTML page (charts need matplotlib)."""
    last = runs[-1]
    e = html.escape
    names = ", ".join(f"<b>{e(r.label)}</b> ({len(r.results)} answers)" for r in runs)
    sections = [
        f"<p>Runs, oldest first: {names}. Everything but the trend is of the last run, "
        f"<b>{e(last.label)}</b>.</p>",
        "<h2>Models</h2>",
        _models_table_html(last.report),
    ]
    if len(runs) > 1:
        sections += ["<h2>Trend</h2>", _trend_table(runs), _png_img(_trend_png(runs), "trend")]
    sections += [
        "<h2>Topics</h2>",
        _topics_table(last),
        "<h2>Worst rules</h2>",
        _worst_rules_table(last),
        "<h2>Example answers</h2>",
        _examples(last),
        "<h2>Findings per rule</h2>",
        _pack_charts_html(last.report),
    ]
    return _html_page("upstream eval: report card", "\n".join(sections))


def _png_img(png: bytes, alt: str) -> str:
    """An ``<img>`` holding the PNG itself, so the page needs no other file."""
    data = base64.b64encode(png).decode("ascii")
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{data}">'


def _html_page(title: str, body: str) -> str:
    """A whole page around ``body``: inline style only, nothing fetched."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:.3em .6em;text-align:right}}
td:first-child,th:first-child{{text-align:left}}img{{max-width:100%}}{_STYLE}</style></head>
<body><h1>{html.escape(title)}</h1>
{body}
</body></html>
"""


def _models_table_html(report: EvalReport) -> str:
    """Per model: samples, those with findings, that rate and its Wilson interval, findings."""
    rows = "".join(
        f"<tr><td>{html.escape(m.model)}</td><td>{m.samples}</td><td>{m.flagged}</td>"
        f"<td>{percent(m.rate)}</td><td>{interval_text(m)}</td><td>{m.findings}</td></tr>"
        for m in report.models
    )
    columns = ["samples", "with findings", "rate", "95% CI (Wilson)", "findings"]
    return f"<table>{_header('model', columns)}{rows}</table>"


def _pack_charts_html(report: EvalReport) -> str:
    """A heading and an embedded bar chart per pack with findings."""
    charts = [
        f"<h3>{html.escape(pack)}</h3>"
        + _png_img(pack_chart_png(report, pack), f"findings per rule of {pack}")
        for pack in report.packs
        if any(m.by_pack.get(pack) for m in report.models)
    ]
    return "\n".join(charts) or "<p>No findings.</p>"


def _rate_cell(m: ModelSummary | None) -> str:
    if m is None:
        return "<td>-</td>"
    return f"<td>{percent(m.rate)} ({interval_text(m)}) {m.flagged}/{m.samples}</td>"


def _models(runs: Sequence[Run]) -> list[str]:
    return list(dict.fromkeys(m.model for run in runs for m in run.report.models))


def _summary(report: EvalReport, model: str) -> ModelSummary | None:
    return next((m for m in report.models if m.model == model), None)


def _header(first: str, columns: Sequence[str]) -> str:
    cells = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    return f"<tr><th>{first}</th>{cells}</tr>"


def _trend_table(runs: Sequence[Run]) -> str:
    """Per model, its rate in each run (``-`` where a run has no answers of it)."""
    rows = "".join(
        f"<tr><td>{html.escape(model)}</td>"
        + "".join(_rate_cell(_summary(run.report, model)) for run in runs)
        + "</tr>"
        for model in _models(runs)
    )
    return f"<table>{_header('model', [r.label for r in runs])}{rows}</table>"


def _trend_png(runs: Sequence[Run]) -> bytes:
    """Each model's rate per run with its Wilson interval as an error bar."""

    models = _models(runs)

    def draw(axes: Axes) -> None:
        for index, model in enumerate(models):
            # Side by side, so equal rates of two models do not hide each other's bars.
            shift = (index - (len(models) - 1) / 2) * 0.2 / max(1, len(models) - 1)
            summaries = [_summary(run.report, model) for run in runs]
            rates = [100 * m.rate if m else math.nan for m in summaries]
            below = [100 * (m.rate - m.interval[0]) if m else 0.0 for m in summaries]
            above = [100 * (m.interval[1] - m.rate) if m else 0.0 for m in summaries]
            places = [place + shift for place in range(len(runs))]
            axes.errorbar(places, rates, yerr=[below, above], marker="o", capsize=4, label=model)
        axes.set_xticks(range(len(runs)))
        axes.set_xticklabels([run.label for run in runs])
        axes.set_xlim(-0.5, len(runs) - 0.5)
        axes.set_ylim(-3, 103)
        axes.set_ylabel("answers with findings (%)")
        axes.set_title("rate per model and run (95% Wilson interval)")
        axes.legend(loc="best")

    return chart_png(8, 4.5, draw)


def _topics_table(run: Run) -> str:
    """Per topic (rows) and model (columns): the rate of answers with findings."""
    topics = list(dict.fromkeys(r.topic or NO_TOPIC for r in run.results))
    models = [m.model for m in run.report.models]
    rows = []
    for topic in topics:
        chosen = [r for r in run.results if (r.topic or NO_TOPIC) == topic]
        report = summarise(chosen, ())
        cells = "".join(_rate_cell(_summary(report, model)) for model in models)
        rows.append(f"<tr><td>{html.escape(topic)}</td>{cells}</tr>")
    return f"<table>{_header('topic', models)}{''.join(rows)}</table>"


def _worst_rules_table(run: Run) -> str:
    """The rules most answers hit (an answer counts once per rule), with message and docs."""
    answers: Counter[str] = Counter()
    per_model: Counter[tuple[str, str]] = Counter()
    first: dict[str, Hit] = {}
    for result in run.results:
        for hit in result.hits:
            first.setdefault(hit.rule, hit)
        for rule in set(result.rules):
            answers[rule] += 1
            per_model[result.model, rule] += 1
    if not answers:
        return "<p>No findings.</p>"
    models = [m.model for m in run.report.models]
    rows = []
    for rule, count in sorted(answers.items(), key=lambda item: (-item[1], item[0]))[:WORST_RULES]:
        hit = first[rule]
        cells = "".join(f"<td>{per_model[model, rule]}</td>" for model in models)
        rows.append(
            f"<tr><td><code>{html.escape(rule)}</code></td><td>{count}</td>{cells}"
            f'<td class="msg">{html.escape(hit.message)}</td>'
            f'<td class="msg">{_docs_link(hit.docs)}</td></tr>'
        )
    header = _header("rule", ["answers", *models, "message", "docs"])
    return f"<table>{header}{''.join(rows)}</table>"


def _docs_link(docs: str) -> str:
    # Only web links become links: a pack's docs field is not trusted to be a safe URL.
    if docs.startswith(("https://", "http://")):
        return f'<a href="{html.escape(docs)}">{html.escape(docs)}</a>'
    return html.escape(docs)


def _examples(run: Run) -> str:
    """Per model, the answers with the most distinct rules found (first ones on a tie)."""
    flagged = [(s, r) for s, r in zip(run.samples, run.results, strict=True) if r.hits]
    flagged.sort(key=lambda pair: -len(set(pair[1].rules)))
    shown = []
    for model in (m.model for m in run.report.models):
        shown += [pair for pair in flagged if pair[1].model == model][:EXAMPLES_PER_MODEL]
    return "\n".join(_example(sample, result) for sample, result in shown) or (
        "<p>No answer has findings.</p>"
    )


def _example(sample: Sample, result: SampleResult) -> str:
    e = html.escape
    title = f"{result.model} · {result.id}" + (f" · {result.topic}" if result.topic else "")
    hits = "".join(
        f"<li>line {hit.line}: <code>{e(hit.rule)}</code> {e(hit.message)}</li>"
        for hit in result.hits
    )
    prompt = (
        f"<details><summary>prompt</summary><pre>{e(sample.prompt)}</pre></details>"
        if sample.prompt
        else ""
    )
    marked = {hit.line for hit in result.hits}
    lines = sample.code.splitlines() or [""]
    width = len(str(len(lines)))
    code = "\n".join(
        f'<span class="{"ln hit" if number in marked else "ln"}">{number:>{width}}</span> '
        + (f'<span class="hit">{e(text)}</span>' if number in marked else e(text))
        for number, text in enumerate(lines, 1)
    )
    return f"<h3>{e(title)}</h3>{prompt}<ul>{hits}</ul><pre><code>{code}</code></pre>"


def make_runs(
    labels: Sequence[str],
    samples: Sequence[Sequence[Sample]],
    results: Sequence[SampleResult],
    packs: Sequence[str],
) -> list[Run]:
    """Cut the results of all runs' samples, checked together, back into one ``Run`` each."""
    runs, start = [], 0
    for label, chunk in zip(labels, samples, strict=True):
        mine = tuple(results[start : start + len(chunk)])
        runs.append(Run(label, tuple(chunk), mine, summarise(mine, packs)))
        start += len(chunk)
    return runs
