# matplotlib==3.9.2
# Task: two-panel figure comparing a histogram and a box plot.
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.5), layout="constrained")
ax1.hist(samples, bins=30, density=True, color="C0", alpha=0.6)
ax1.set_facecolor("#f5f5f5")
ax2.boxplot([samples, samples * 2], tick_labels=["x", "2x"])
leg = ax1.legend(["samples"], loc="upper left")
for handle in leg.legend_handles:
    handle.set_alpha(1)
fig.savefig("panels.png", dpi=200, bbox_inches="tight")
