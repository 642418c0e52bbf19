"""Distribution plots for an exploratory report."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from scipy import stats

sns.set_theme(style="whitegrid", context="notebook", palette="deep")


def plot_distributions(df: pd.DataFrame, column: str, hue: str | None = None) -> plt.Figure:
    fig, axes = plt.subplots(1, 3, figsize=(15, 4))
    sns.histplot(data=df, x=column, hue=hue, kde=True, stat="density", ax=axes[0])
    sns.kdeplot(data=df, x=column, hue=hue, fill=True, common_norm=False, bw_adjust=0.8, ax=axes[1])
    sns.ecdfplot(data=df, x=column, hue=hue, ax=axes[2])
    sns.rugplot(data=df, x=column, ax=axes[0])
    axes[0].set(xlabel=column, ylabel="density")
    spread = stats.iqr(df[column].dropna())
    low, high = np.percentile(df[column].dropna(), [5, 95])
    axes[2].set_title(f"IQR {spread:.2f}, 5-95%: {low:.1f}-{high:.1f}")
    fig.tight_layout()
    return fig


def facet_histograms(df: pd.DataFrame) -> sns.FacetGrid:
    g = sns.displot(data=df, x="total_bill", col="time", row="smoker", kind="hist", height=3, aspect=1.2)
    g.set_axis_labels("Total bill", "Count")
    g.set_titles(col_template="{col_name}", row_template="smoker: {row_name}")
    g.set(xlim=(0, 60))
    return g


if __name__ == "__main__":
    tips = sns.load_dataset("tips")
    plot_distributions(tips, "total_bill", hue="time").savefig("dist.png")
    facet_histograms(tips).savefig("facets.png")
    joint = sns.jointplot(data=tips, x="total_bill", y="tip", kind="reg", height=5)
    r, p = stats.pearsonr(tips["total_bill"], tips["tip"])
    joint.ax_joint.annotate(f"r = {r:.2f}", xy=(0.05, 0.95), xycoords="axes fraction")
