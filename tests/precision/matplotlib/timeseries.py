"""Daily metrics plotted with dates on the x axis."""

import datetime as dt
import warnings

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np

warnings.filterwarnings("ignore", category=mpl.MatplotlibDeprecationWarning)


def plot_metrics(days: list[dt.date], values: np.ndarray) -> plt.Figure:
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(9, 5))
    top.plot(days, values, "o-", markersize=3)
    top.xaxis.set_major_locator(mdates.MonthLocator())
    top.xaxis.set_major_formatter(mdates.ConciseDateFormatter(top.xaxis.get_major_locator()))
    bottom.fill_between(days, 0, values, where=values > values.mean(), alpha=0.3)
    bottom.broken_barh([(mdates.date2num(days[0]), 5)], (0, 1))
    for tick in bottom.xaxis.get_major_ticks():
        tick.label1.set_rotation(30)
    bottom.set_ylim(0, None)
    fig.autofmt_xdate()
    fig.suptitle("Daily metrics")
    return fig


if __name__ == "__main__":
    start = dt.date(2024, 1, 1)
    days = [start + dt.timedelta(days=i) for i in range(120)]
    vals = np.cumsum(np.random.default_rng(1).normal(size=len(days)))
    fig = plot_metrics(days, vals)
    plt.tight_layout()
    fig.savefig("metrics.png", dpi=150)
