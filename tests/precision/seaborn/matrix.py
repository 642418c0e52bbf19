"""Heatmaps and pair plots."""

import numpy as np
import seaborn as sns

sns.set_theme(context="paper", font_scale=1.1)
penguins = sns.load_dataset("penguins").dropna()

corr = penguins.select_dtypes("number").corr()
mask = np.triu(np.ones_like(corr, dtype=bool))
ax = sns.heatmap(corr, mask=mask, annot=True, fmt=".2f", cmap="vlag", center=0, square=True)
ax.set(title="Correlation")

grid = sns.pairplot(penguins, hue="species", corner=True, diag_kind="kde", height=2.2)
grid.map_lower(sns.kdeplot, levels=4, color=".2")

cluster = sns.clustermap(corr, cmap="mako", standard_scale=1, figsize=(6, 6))
sns.move_legend(grid, "upper right")
with sns.axes_style("white"):
    sns.jointplot(data=penguins, x="bill_length_mm", y="bill_depth_mm", hue="species", kind="kde")
