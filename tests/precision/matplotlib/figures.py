"""Publication figures built with the object-oriented Matplotlib API."""

from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap, Normalize
from matplotlib.ticker import MaxNLocator

OUT = Path("figures")


def histogram_panel(samples: np.ndarray) -> plt.Figure:
    fig, (ax_hist, ax_box) = plt.subplots(1, 2, figsize=(8, 3), layout="constrained")
    ax_hist.hist(samples, bins=30, density=True, alpha=0.6, color="C0", label="samples")
    xs = np.linspace(samples.min(), samples.max(), 200)
    pdf = np.exp(-0.5 * ((xs - samples.mean()) / samples.std()) ** 2)
    pdf /= samples.std() * np.sqrt(2 * np.pi)
    ax_hist.plot(xs, pdf, "k--", label="normal fit")
    leg = ax_hist.legend(loc="upper right", frameon=False)
    for handle in leg.legend_handles:
        handle.set_alpha(1.0)
    leg.set_draggable(True)
    ax_box.boxplot([samples, samples * 1.5], tick_labels=["raw", "scaled"], vert=True)
    ax_box.yaxis.set_major_locator(MaxNLocator(nbins=5))
    for ax in (ax_hist, ax_box):
        ax.set_facecolor("#f7f7f7")
        ax.tick_params(labelsize=8)
    ax_hist.xaxis.label.set_fontsize(10)
    return fig


def heatmap_panel(values: np.ndarray) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(5, 4))
    cmap = mpl.colormaps["viridis"].resampled(12)
    norm = Normalize(vmin=values.min(), vmax=values.max())
    im = ax.imshow(values, cmap=cmap, norm=norm, origin="lower")
    cbar = fig.colorbar(im, ax=ax, shrink=0.8)
    cbar.set_label("intensity")
    im.set_clim(0, values.max())
    fig.draw_without_rendering()
    current = im.get_cmap()
    ax.set_title(f"colormap: {current.name}")
    return fig


def categorical_panel(counts: dict[str, int]) -> plt.Figure:
    palette = ListedColormap(["#1b9e77", "#d95f02", "#7570b3"], name="dark2_3")
    if "dark2_3" not in mpl.colormaps:
        mpl.colormaps.register(palette)
    colors = plt.get_cmap("dark2_3")(np.linspace(0, 1, len(counts)))
    fig, ax = plt.subplots()
    ax.set_prop_cycle(color=colors)
    ax.bar(list(counts), list(counts.values()), color=colors)
    ax.set_aspect("auto", adjustable="box")
    return fig


def main() -> None:
    OUT.mkdir(exist_ok=True)
    rng = np.random.default_rng(0)
    plt.style.use("seaborn-v0_8-whitegrid")
    with plt.style.context("ggplot"):
        fig = histogram_panel(rng.normal(size=500))
    fig.savefig(OUT / "hist.png", dpi=200, facecolor="none", bbox_inches="tight")
    heatmap_panel(rng.random((20, 20))).savefig(OUT / "heatmap.pdf")
    categorical_panel({"a": 3, "b": 5, "c": 2}).savefig(OUT / "bars.svg", transparent=True)
    plt.close("all")


if __name__ == "__main__":
    main()
