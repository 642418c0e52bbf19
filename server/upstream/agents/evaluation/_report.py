"""Per-model aggregation of eval results, and the reports: text, JSON, CSV and charts."""

from __future__ import annotations

import csv
import io
import json
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from upstream.agents.evaluation._run import SampleResult

if TYPE_CHECKING:
    from matplotlib.axes import Axes

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


def percent(value: float) -> str:
    return f"{100 * value:.1f}%"


def interval_text(m: ModelSummary) -> str:
    """The 95% Wilson interval of the model's rate, as "low%-high%"."""
    low, high = m.interval
    return f"{percent(low)}-{percent(high)}"


_SUMMARY_HEADER = ["samples", "flagged", "rate", "95% CI", "findings"]


def _summary_cells(m: ModelSummary) -> list[str]:
    return [str(m.samples), str(m.flagged), percent(m.rate), interval_text(m), str(m.findings)]


def format_text(report: EvalReport) -> str:
    """Per-model summary, then the model x rule table."""
    rows = [["model", *_SUMMARY_HEADER]]
    rows += [[m.model, *_summary_cells(m)] for m in report.models]
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


def _table(rows: list[list[str]], left: int = 1) -> str:
    """Aligned columns: the first ``left`` to the left, the rest (numbers) to the right."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        cells = [
            c.ljust(w) if i < left else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
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


_CSV_HEADER = ["model", "samples", "flagged", "rate", "rate_low", "rate_high", "findings"]


def _csv_cells(m: ModelSummary, rules: Sequence[str]) -> list[object]:
    low, high = m.interval
    rates = [f"{m.rate:.4f}", f"{low:.4f}", f"{high:.4f}"]
    return [
        m.model,
        m.samples,
        m.flagged,
        *rates,
        m.findings,
        *(m.by_rule.get(r, 0) for r in rules),
    ]


def format_csv(report: EvalReport) -> str:
    """One row per model: the summary columns, then one column per rule (the model x rule table)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*_CSV_HEADER, *report.rules])
    writer.writerows(_csv_cells(m, report.rules) for m in report.models)
    return buffer.getvalue()


# Several runs (``upstream eval DATA1 DATA2 ...``): each is (its label, its report), oldest
# first. Text and CSV have a row per model and run, grouped by model so a trend reads down.


def _by_model(runs: Sequence[tuple[str, EvalReport]]) -> list[tuple[str, ModelSummary]]:
    models = list(dict.fromkeys(m.model for _, report in runs for m in report.models))
    return [
        (label, m)
        for model in models
        for label, report in runs
        for m in report.models
        if m.model == model
    ]


def format_runs_text(runs: Sequence[tuple[str, EvalReport]]) -> str:
    """One row per model and run: the per-model summary columns with the run beside them."""
    rows = [["model", "run", *_SUMMARY_HEADER]]
    rows += [[m.model, label, *_summary_cells(m)] for label, m in _by_model(runs)]
    return _table(rows, left=2) + "\n"


def format_runs_json(runs: Sequence[tuple[str, EvalReport]]) -> str:
    """``{"runs": [{"run": LABEL, ...the single-run report...}]}``, in the order given."""
    document = {"runs": [{"run": label, **to_json(report)} for label, report in runs]}
    return json.dumps(document, indent=2) + "\n"


def format_runs_csv(runs: Sequence[tuple[str, EvalReport]]) -> str:
    """The single-run CSV with a ``run`` column first and one column per rule of any run."""
    rules = sorted({rule for _, report in runs for rule in report.rules})
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["run", *_CSV_HEADER, *rules])
    writer.writerows([label, *_csv_cells(m, rules)] for label, m in _by_model(runs))
    return buffer.getvalue()


def chart_png(width: float, height: float, draw: Callable[[Axes], None]) -> bytes:
    """``draw`` on a new figure of that size in inches, as PNG (matplotlib, no display)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(width, height), dpi=100)
    try:
        draw(axes)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
    finally:
        pyplot.close(figure)
    return buffer.getvalue()


def pack_chart_png(report: EvalReport, pack: str) -> bytes:
    """A bar chart of findings per rule of ``pack``, one bar per model (needs matplotlib)."""
    from matplotlib.ticker import MaxNLocator

    rules = [rule for rule in report.rules if rule.startswith(pack + "/")]
    bar = 0.8 / max(1, len(report.models))

    def draw(axes: Axes) -> None:
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

    height = 1.2 + 0.45 * max(1, len(rules)) * max(1, len(report.models)) ** 0.5
    return chart_png(8, height, draw)
