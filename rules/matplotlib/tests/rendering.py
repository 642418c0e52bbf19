import numpy as np
import matplotlib as mpl
import matplotlib.pyplot as plt
from mpl_toolkits.mplot3d import Axes3D  # noqa: F401

# expect: matplotlib-seaborn-style-renamed
plt.style.use("seaborn-whitegrid")
# expect: matplotlib-seaborn-style-renamed
plt.style.use("seaborn")
# expect: matplotlib-seaborn-style-renamed
mpl.style.use(["seaborn-dark-palette", "ggplot"])
# expect: matplotlib-seaborn-style-renamed
with plt.style.context("seaborn-paper"):
    pass

fig, ax = plt.subplots()
im = ax.imshow(np.random.rand(4, 4))
cbar = fig.colorbar(im, ax=ax)
im.set_clim(0, 2)
# expect: matplotlib-colorbar-draw-all-removed
cbar.draw_all()
# expect: matplotlib-colorbar-draw-all-removed
plt.colorbar(im).draw_all()

fig.canvas.draw()
# expect: matplotlib-canvas-tostring-rgb-removed
buf = np.frombuffer(fig.canvas.tostring_rgb(), dtype=np.uint8)

for tick in ax.xaxis.get_major_ticks():
    # expect: matplotlib-tick-label-removed
    tick.label.set_fontsize(8)
    # ok: matplotlib-tick-label-removed
    tick.label1.set_rotation(45)
    # ok: matplotlib-tick-label-removed
    ax.xaxis.label.set_fontsize(10)

fig3d = plt.figure()
ax3d = fig3d.add_subplot(projection="3d")
# expect: matplotlib-axes3d-w-xaxis-removed
ax3d.w_xaxis.set_pane_color((1.0, 1.0, 1.0, 0.0))
# expect: matplotlib-axes3d-w-yaxis-removed
ax3d.w_yaxis.set_pane_color((1.0, 1.0, 1.0, 0.0))
# expect: matplotlib-axes3d-w-zaxis-removed
ax3d.w_zaxis.line.set_lw(0.0)

# ok: matplotlib-seaborn-style-renamed
plt.style.use("seaborn-v0_8-whitegrid")
# ok: matplotlib-seaborn-style-renamed
plt.style.use("ggplot")
# ok: matplotlib-seaborn-style-renamed
ax.set_title("seaborn-whitegrid")
# ok: matplotlib-colorbar-draw-all-removed
fig.draw_without_rendering()
# ok: matplotlib-colorbar-draw-all-removed
scene.draw_all()
# ok: matplotlib-canvas-tostring-rgb-removed
rgba = np.asarray(fig.canvas.buffer_rgba())
# ok: matplotlib-canvas-tostring-rgb-removed
argb = fig.canvas.tostring_argb()
# ok: matplotlib-tick-label-removed
ax.xaxis.label.set_color("red")
for item in items:
    # ok: matplotlib-tick-label-removed
    item.label.upper()
# ok: matplotlib-axes3d-w-xaxis-removed
ax3d.xaxis.set_pane_color((1.0, 1.0, 1.0, 0.0))
# ok: matplotlib-axes3d-w-yaxis-removed
ax3d.yaxis.set_pane_color((1.0, 1.0, 1.0, 0.0))
# ok: matplotlib-axes3d-w-zaxis-removed
ax3d.zaxis.line.set_lw(0.0)

xs, ys = np.meshgrid(np.linspace(0, 1, 10), np.linspace(0, 1, 10))
cs = ax.contourf(xs, ys, xs * ys, levels=10)
# expect: matplotlib-contourset-collections-removed
for c in cs.collections:
    c.set_edgecolor("face")
# expect: matplotlib-contourset-collections-removed
n = len(ax.contour(xs, ys, xs + ys).collections)
# ok: matplotlib-contourset-collections-removed
cs.set_edgecolor("face")
# ok: matplotlib-contourset-collections-removed
artists = ax.collections
# ok: matplotlib-contourset-collections-removed
import collections
