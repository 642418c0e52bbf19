# matplotlib==3.9.2
# Task: line chart in a seaborn-like style with small rotated tick labels.
# deprecated: seaborn-* style names
plt.style.use("seaborn-whitegrid")
fig, ax = plt.subplots(figsize=(10, 4))
ax.plot(dates, prices, linewidth=1.5)
for tick in ax.xaxis.get_major_ticks():
    # deprecated: Tick.label
    tick.label.set_fontsize(8)
    # deprecated: Tick.label
    tick.label.set_rotation(45)
ax.set_title("Closing price")
fig.tight_layout()
