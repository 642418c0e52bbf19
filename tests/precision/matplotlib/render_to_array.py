"""Render figures off-screen and hand the pixels to other libraries."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402


def figure_to_rgb(fig: Figure) -> np.ndarray:
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    rgba = np.asarray(canvas.buffer_rgba())
    return rgba[..., :3].copy()


def frames(n: int = 10) -> list[np.ndarray]:
    fig = Figure(figsize=(4, 3), dpi=100)
    ax = fig.add_subplot()
    x = np.linspace(0, 2 * np.pi, 200)
    (line,) = ax.plot(x, np.sin(x))
    out = []
    for phase in np.linspace(0, np.pi, n):
        line.set_ydata(np.sin(x + phase))
        out.append(figure_to_rgb(fig))
    return out


def surface() -> None:
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    xs, ys = np.meshgrid(np.linspace(-2, 2, 40), np.linspace(-2, 2, 40))
    zs = np.exp(-(xs**2 + ys**2))
    ax.plot_surface(xs, ys, zs, cmap="coolwarm")
    for axis in (ax.xaxis, ax.yaxis, ax.zaxis):
        axis.set_pane_color((1.0, 1.0, 1.0, 0.0))
    ax.set_box_aspect(None, zoom=0.9)
    fig.canvas.manager.set_window_title("surface")
    fig.savefig("surface.png")


if __name__ == "__main__":
    print(len(frames()))
    surface()
