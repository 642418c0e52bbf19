# matplotlib==3.11.0
# Task: scatter plot coloured by a discrete colormap, with opaque legend markers.
fig, ax = plt.subplots(figsize=(6, 4))
# deprecated: matplotlib.cm.get_cmap
cmap = plt.cm.get_cmap("tab10", 4)
for i, group in enumerate(groups):
    ax.scatter(group.x, group.y, color=cmap(i), alpha=0.4, label=group.name)
leg = ax.legend(title="group")
# deprecated: Legend.legendHandles
for handle in leg.legendHandles:
    handle.set_alpha(1.0)
fig.savefig("scatter.png", dpi=150)
