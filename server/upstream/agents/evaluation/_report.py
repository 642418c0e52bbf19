"""Per-model aggregation of eval results, and the reports: text, JSON, CSV and HTML."""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from upstream.agents.evaluation._run import SampleResult

Z_95 = 1.959963984540054


def wilson_interval(successes: int, total: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval for a binomial proportion (95% by default)."""
    if total == 0:
        return (0.0, 1.0)
    p = successes / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total))
    # The bounds are exactly 0 and 1 at the extremes; rounding would leave 1e-16 off.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == total else min(1.0, centre + half)
    return (low, high)


@dataclass(frozen=True)
class ModelSummary:
    model: str
    samples: int
    flagged: int  # samples with at least one finding
    findings: int
    by_pack: dict[str, int] = field(default_factory=dict)
    by_rule: dict[str, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.flagged / self.samples if self.samples else 0.0

    @property
    def interval(self) -> tuple[float, float]:
        return wilson_interval(self.flagged, self.samples)


@dataclass(frozen=True)
class EvalReport:
    models: tuple[ModelSummary, ...]
    packs: tuple[str, ...]  # every loaded pack, found or not
    rules: tuple[str, ...]  # every rule reported for some model, sorted

    def count(self, model: str, rule: str) -> int:
        return next((m.by_rule.get(rule, 0) for m in self.models if m.model == model), 0)


def summarise(results: Sequence[SampleResult], packs: Sequence[str]) -> EvalReport:
    """Aggregate per-sample results per model (models in order of first appearance)."""
    order: dict[str, list[SampleResult]] = {}
    for result in results:
        order.setdefault(result.model, []).append(result)
    models = []
    for model, rows in order.items():
        by_rule = Counter(rule for row in rows for rule in row.rules)
        by_pack = Counter({pack: 0 for pack in packs})
        for rule, count in by_rule.items():
            by_pack[rule.split("/", 1)[0]] += count
        models.append(
            ModelSummary(
                model=model,
                samples=len(rows),
                flagged=sum(1 for row in rows if row.rules),
                findings=sum(by_rule.values()),
                by_pack=dict(sorted(by_pack.items())),
                by_rule=dict(sorted(by_rule.items())),
            )
        )
    rules = sorted({rule for model in models for rule in model.by_rule})
    return EvalReport(tuple(models), tuple(sorted(packs)), tuple(rules))


def _percent(value: float) -> str:
    return f"{100 * value:.1f}%"


def format_text(report: EvalReport) -> str:
    """Per-model summary, then the model x rule table."""
    rows = [["model", "samples", "flagged", "rate", "95% CI", "findings"]]
    for m in report.models:
        low, high = m.interval
        rows.append(
            [
                m.model,
                str(m.samples),
                str(m.flagged),
                _percent(m.rate),
                f"{_percent(low)}-{_percent(high)}",
                str(m.findings),
            ]
        )
    out = [_table(rows), ""]
    packs = [p for p in report.packs if any(m.by_pack.get(p) for m in report.models)]
    if packs:
        out.append(
            _table(
                [["pack", *(m.model for m in report.models)]]
                + [[pack, *(str(m.by_pack.get(pack, 0)) for m in report.models)] for pack in packs]
            )
        )
        out.append("")
        out.append(
            _table(
                [["rule", *(m.model for m in report.models)]]
                + [
                    [rule, *(str(report.count(m.model, rule)) for m in report.models)]
                    for rule in report.rules
                ]
            )
        )
    else:
        out.append("no findings")
    return "\n".join(out) + "\n"


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def to_json(report: EvalReport) -> dict[str, object]:
    return {
        "packs": list(report.packs),
        "rules": list(report.rules),
        "models": [
            {
                "model": m.model,
                "samples": m.samples,
                "flagged": m.flagged,
                "rate": round(m.rate, 6),
                "rate_low": round(m.interval[0], 6),
                "rate_high": round(m.interval[1], 6),
                "findings": m.findings,
                "by_pack": m.by_pack,
                "by_rule": m.by_rule,
            }
            for m in report.models
        ],
    }


def format_json(report: EvalReport) -> str:
    return json.dumps(to_json(report), indent=2) + "\n"


def format_csv(report: EvalReport) -> str:
    """One row per model: the summary columns, then one column per rule (the model x rule table)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["model", "samples", "flagged", "rate", "rate_low", "rate_high", "findings", *report.rules]
    )
    for m in report.models:
        low, high = m.interval
        writer.writerow(
            [
                m.model,
                m.samples,
                m.flagged,
                f"{m.rate:.4f}",
                f"{low:.4f}",
                f"{high:.4f}",
                m.findings,
                *(m.by_rule.get(rule, 0) for rule in report.rules),
            ]
        )
    return buffer.getvalue()


def pack_chart_png(report: EvalReport, pack: str) -> bytes:
    """A bar chart of findings per rule of ``pack``, one bar per model (needs matplotlib)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot
    from matplotlib.ticker import MaxNLocator

    rules = [rule for rule in report.rules if rule.startswith(pack + "/")]
    height = 1.2 + 0.45 * max(1, len(rules)) * max(1, len(report.models)) ** 0.5
    figure, axes = pyplot.subplots(figsize=(8, height), dpi=100)
    try:
        bar = 0.8 / max(1, len(report.models))
        for index, model in enumerate(report.models):
            positions = [i + index * bar for i in range(len(rules))]
            axes.barh(positions, [model.by_rule.get(r, 0) for r in rules], bar, label=model.model)
        axes.set_yticks([i + bar * (len(report.models) - 1) / 2 for i in range(len(rules))])
        axes.set_yticklabels([rule.split("/", 1)[1] for rule in rules])
        axes.invert_yaxis()
        axes.set_xlabel("findings")
        axes.set_title(f"{pack}: findings per rule")
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.legend(loc="best")
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
    finally:
        pyplot.close(figure)
    return buffer.getvalue()


def format_html(report: EvalReport) -> str:
    """A self-contained page: the summary, the model x rule table and a chart per pack."""
    e = html.escape
    head = "".join(
        f"<tr><td>{e(m.model)}</td><td>{m.samples}</td><td>{m.flagged}</td>"
        f"<td>{_percent(m.rate)}</td><td>{_percent(m.interval[0])}-{_percent(m.interval[1])}</td>"
        f"<td>{m.findings}</td></tr>"
        for m in report.models
    )
    models = "".join(f"<th>{e(m.model)}</th>" for m in report.models)
    table = "".join(
        f"<tr><td><code>{e(rule)}</code></td>"
        + "".join(f"<td>{report.count(m.model, rule)}</td>" for m in report.models)
        + "</tr>"
        for rule in report.rules
    )
    charts = []
    for pack in report.packs:
        if any(m.by_pack.get(pack) for m in report.models):
            png = base64.b64encode(pack_chart_png(report, pack)).decode("ascii")
            charts.append(
                f'<h3>{e(pack)}</h3><img alt="findings per rule of {e(pack)}" '
                f'src="data:image/png;base64,{png}">'
            )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>upstream eval</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:.3em .6em;text-align:right}}
td:first-child,th:first-child{{text-align:left}}img{{max-width:100%}}</style></head>
<body><h1>upstream eval</h1>
<h2>Models</h2>
<table><tr><th>model</th><th>samples</th><th>with findings</th><th>rate</th>
<th>95% CI (Wilson)</th><th>findings</th></tr>{head}</table>
<h2>Findings per rule</h2>
<table><tr><th>rule</th>{models}</tr>{table}</table>
<h2>Charts</h2>
{"".join(charts) or "<p>No findings.</p>"}
</body></html>
"""
