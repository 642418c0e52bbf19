"""Categorical comparisons with error bars."""

import matplotlib.pyplot as plt
import seaborn as sns

sns.set_theme(style="ticks")
sns.set_context("talk")
tips = sns.load_dataset("tips")

fig, axes = plt.subplots(2, 2, figsize=(12, 9))
sns.barplot(data=tips, x="day", y="total_bill", hue="sex", errorbar=("ci", 95), capsize=0.1,
            err_kws={"linewidth": 1.5}, ax=axes[0, 0])
sns.pointplot(data=tips, x="day", y="tip", hue="smoker", errorbar="sd", dodge=True,
              linestyle="none", markersize=6, ax=axes[0, 1])
sns.violinplot(data=tips, x="day", y="tip", hue="sex", split=True, inner="quart",
               density_norm="count", common_norm=True, bw_method="scott", ax=axes[1, 0])
sns.boxenplot(data=tips, x="day", y="total_bill", width_method="linear", ax=axes[1, 1])
sns.despine(fig)
fig.savefig("categorical.png")

g = sns.catplot(data=tips, x="day", y="total_bill", hue="time", kind="point", errorbar=("pi", 50), height=4)
g.set(ylim=(0, None))
g.figure.suptitle("Bill by day")

r = sns.relplot(data=tips, x="total_bill", y="tip", col="time", hue="size", kind="scatter", height=4)
trend = sns.lineplot(data=tips, x="size", y="tip", errorbar=None, estimator="median")
reg = sns.regplot(data=tips, x="total_bill", y="tip", ci=90, scatter_kws={"s": 10})
lm = sns.lmplot(data=tips, x="total_bill", y="tip", hue="smoker", ci=None, facet_kws={"sharey": False})
palette = sns.color_palette("rocket", as_cmap=False, n_colors=6)
sns.set_palette(palette)
seen = set(tips["day"].unique())
