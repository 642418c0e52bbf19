# matplotlib==3.11.0
# Task: box plot per weekday and a time series of daily totals.
fig, (ax_box, ax_ts) = plt.subplots(2, 1, figsize=(8, 6))
# deprecated: Axes.boxplot(labels=)
ax_box.boxplot(per_day, labels=["Mon", "Tue", "Wed", "Thu", "Fri"])
# deprecated: Axes.plot_date
ax_ts.plot_date(dates, totals, "-")
ax_ts.set_ylabel("total")
fig.autofmt_xdate()
plt.show()
