import numpy as np
import matplotlib.pyplot as plt
import seaborn as sns

data = np.random.randn(100)
fig, ax = plt.subplots()

# expect: matplotlib-set-axis-bgcolor-removed
ax.set_axis_bgcolor("black")
# expect: matplotlib-set-color-cycle-removed
ax.set_color_cycle(["r", "g", "b"])
# expect: matplotlib-pyplot-hold-removed
plt.hold(True)
# expect: matplotlib-hist-normed-removed
ax.hist(data, bins=20, normed=True, alpha=0.5)
# expect: matplotlib-hist-normed-removed
plt.hist(data, normed=1)
# expect: matplotlib-boxplot-labels-removed
ax.boxplot([data, data * 2], labels=["a", "b"], vert=False)
# expect: matplotlib-plot-date-removed
ax.plot_date(dates, values, "-")
# expect: matplotlib-plot-date-removed
plt.plot_date(dates, values)
# expect: matplotlib-gca-kwargs-removed
ax3 = plt.figure().gca(projection="3d")
leg = ax.legend()
# expect: matplotlib-legend-handles-renamed
for handle in leg.legendHandles:
    handle.set_alpha(1)
# expect: matplotlib-legend-draggable-removed
leg.draggable(True)
# expect: matplotlib-legend-draggable-removed
ax.legend(loc="best").draggable()
# expect: matplotlib-canvas-window-title-removed
fig.canvas.set_window_title("Results")
# expect: matplotlib-savefig-frameon-removed
fig.savefig("out.png", dpi=150, frameon=False)
# expect: matplotlib-box-forced-removed
ax.set_aspect("equal", adjustable="box-forced")
# expect: matplotlib-box-forced-removed
ax.set_adjustable("box-forced")
ax2 = fig.add_subplot(212)
# expect: matplotlib-shared-axes-join-removed
ax.get_shared_x_axes().join(ax, ax2)

# ok: matplotlib-set-axis-bgcolor-removed
ax.set_facecolor("black")
# ok: matplotlib-set-color-cycle-removed
ax.set_prop_cycle(color=["r", "g", "b"])
# ok: matplotlib-hist-normed-removed
ax.hist(data, bins=20, density=True)
# ok: matplotlib-hist-normed-removed
counts, edges = np.histogram(data, normed=True)
# ok: matplotlib-boxplot-labels-removed
ax.boxplot([data, data * 2], tick_labels=["a", "b"])
# ok: matplotlib-boxplot-labels-removed
sns.boxplot(data=[data], labels=["a"])
# ok: matplotlib-plot-date-removed
ax.plot(dates, values, "o")
# ok: matplotlib-gca-kwargs-removed
current = plt.gca()
# ok: matplotlib-gca-kwargs-removed
ax3 = fig.add_subplot(projection="3d")
# ok: matplotlib-legend-handles-renamed
handles = leg.legend_handles
# ok: matplotlib-legend-draggable-removed
leg.set_draggable(True)
annotation = ax.annotate("peak", xy=(1, 2))
# ok: matplotlib-legend-draggable-removed
annotation.draggable()
# ok: matplotlib-legend-draggable-removed
legacy.draggable()
# ok: matplotlib-canvas-window-title-removed
fig.canvas.manager.set_window_title("Results")
# ok: matplotlib-canvas-window-title-removed
window.set_window_title("Results")
# ok: matplotlib-savefig-frameon-removed
fig.savefig("out.png", dpi=150, facecolor="none")
# ok: matplotlib-box-forced-removed
ax.set_aspect("equal", adjustable="box")
# ok: matplotlib-shared-axes-join-removed
ax2.sharex(ax)
# ok: matplotlib-shared-axes-join-removed
", ".join(names)
# ok: matplotlib-pyplot-hold-removed
ax.cla()


class Player:
    def hold(self, flag):
        return flag


# ok: matplotlib-pyplot-hold-removed
Player().hold(True)

# expect: matplotlib-hist2d-normed-removed
ax.hist2d(data, data, bins=20, normed=True)
# ok: matplotlib-hist2d-normed-removed
ax.hist2d(data, data, bins=20, density=True)
# expect: matplotlib-annotate-s-removed
ax.annotate(s="peak", xy=(1, 2), xytext=(2, 3))
# ok: matplotlib-annotate-s-removed
ax.annotate(text="peak", xy=(1, 2))
# ok: matplotlib-annotate-s-removed
totals = Order.objects.annotate(s=Sum("amount"))
# expect: matplotlib-log-scale-basex-removed
ax.set_yscale("log", basey=2)
# expect: matplotlib-log-scale-nonposx-removed
ax.semilogy(data, nonposy="clip")
# expect: matplotlib-log-scale-subsx-removed
plt.xscale("log", subsx=[2, 5])
# ok: matplotlib-log-scale-basex-removed
ax.set_yscale("log", base=2)
# ok: matplotlib-log-scale-nonposx-removed
ax.semilogy(data, nonpositive="clip")
# ok: matplotlib-log-scale-subsx-removed
plt.xscale("log", subs=[2, 5])
# expect: matplotlib-grid-b-removed
plt.grid(b=True, which="major", linestyle="--")
# ok: matplotlib-grid-b-removed
ax.grid(visible=True)
# ok: matplotlib-grid-b-removed
frame.grid(row=0, column=1)
(line,) = ax.plot([1, 2, 3])
# expect: matplotlib-axes-artist-list-modified
ax.lines.pop(0)
# expect: matplotlib-axes-artist-list-modified
plt.gca().patches.clear()
fig2, axes = plt.subplots(1, 2)
# expect: matplotlib-axes-artist-list-modified
axes[0].collections.remove(line)
for each in axes.flat:
    # expect: matplotlib-axes-artist-list-modified
    each.texts.clear()
# ok: matplotlib-axes-artist-list-modified
ax_names = {"lines": []}
# expect: matplotlib-axes-artist-list-modified
ax_like.lines.pop(0)  # nothing types it, and it is named like an Axes


class Poem:
    lines: list[str] = []


def recite(ax: Poem) -> None:
    # ok: matplotlib-axes-artist-list-modified
    ax.lines.pop(0)  # named like an Axes, but annotated as the application's own class
# ok: matplotlib-axes-artist-list-modified
ax.lines[0].remove()
# ok: matplotlib-axes-artist-list-modified
n_lines = len(ax.lines)
# ok: matplotlib-axes-artist-list-modified
poem.lines.append("another line")
# ok: matplotlib-axes-artist-list-modified
self_lines = [l for l in ax.lines]
# expect: matplotlib-imread-url-removed
logo = plt.imread("https://matplotlib.org/_static/logo2.png")
# ok: matplotlib-imread-url-removed
local = plt.imread("images/logo.png")
# expect: matplotlib-stem-use-line-collection-removed
ax.stem(data, use_line_collection=True)
# ok: matplotlib-stem-use-line-collection-removed
ax.stem(data, basefmt="k-")
