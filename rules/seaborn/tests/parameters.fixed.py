import seaborn as sns

tips = sns.load_dataset("tips")
# expect: ci-parameter-deprecated
sns.lineplot(data=tips, x="size", y="tip", ci=None)
# expect: ci-parameter-deprecated
sns.barplot(data=tips, x="day", y="tip", ci="sd")
# expect: ci-parameter-deprecated
sns.catplot(data=tips, x="day", y="tip", kind="point", ci=68)
# expect: violinplot-scale-renamed
sns.violinplot(data=tips, x="day", y="tip", density_norm="count")
# expect: violinplot-scale-hue-bw-deprecated
sns.violinplot(data=tips, x="day", y="tip", hue="sex", scale_hue=False)
# expect: violinplot-scale-hue-bw-deprecated
sns.violinplot(data=tips, x="day", y="tip", bw=0.2)
# expect: boxenplot-scale-renamed
sns.boxenplot(data=tips, x="day", y="tip", width_method="linear")
# expect: barplot-errcolor-errwidth-deprecated
sns.barplot(data=tips, x="day", y="tip", errcolor="black")
# expect: barplot-errcolor-errwidth-deprecated
sns.pointplot(data=tips, x="day", y="tip", errwidth=1.5)
# expect: pointplot-join-scale-deprecated
sns.pointplot(data=tips, x="day", y="tip", join=False)

# ok: ci-parameter-deprecated
sns.regplot(data=tips, x="total_bill", y="tip", ci=95)
# ok: ci-parameter-deprecated
sns.lineplot(data=tips, x="size", y="tip", errorbar=("ci", 95))
# ok: violinplot-scale-renamed, violinplot-scale-hue-bw-deprecated
sns.violinplot(data=tips, x="day", y="tip", density_norm="count", common_norm=True, bw_adjust=0.5)
# ok: boxenplot-scale-renamed
sns.boxenplot(data=tips, x="day", y="tip", width_method="linear")
# ok: barplot-errcolor-errwidth-deprecated
sns.barplot(data=tips, x="day", y="tip", err_kws={"color": "black", "linewidth": 1.5})
# ok: pointplot-join-scale-deprecated
sns.pointplot(data=tips, x="day", y="tip", linestyle="none", markersize=4)
# ok: pointplot-join-scale-deprecated, violinplot-scale-renamed, set-renamed-set-theme
grid = sns.FacetGrid(tips, col="time").set(xscale="log")

# expect: kdeplot-shade-deprecated
sns.kdeplot(data=tips, x="tip", fill=True)
# expect: kdeplot-bw-shade-lowest-deprecated
sns.kdeplot(data=tips, x="tip", bw=0.3)
# expect: kdeplot-bw-shade-lowest-deprecated
sns.kdeplot(data=tips, x="tip", y="total_bill", shade_lowest=False)
# expect: palette-without-hue-deprecated
sns.boxplot(data=tips, x="day", y="tip", palette="Set2")
# expect: palette-without-hue-deprecated
sns.countplot(x="day", data=tips, palette="pastel")

# ok: kdeplot-shade-deprecated, kdeplot-bw-shade-lowest-deprecated
sns.kdeplot(data=tips, x="tip", fill=True, bw_adjust=0.5, thresh=0)
# ok: palette-without-hue-deprecated
sns.boxplot(data=tips, x="day", y="tip", hue="day", palette="Set2", legend=False)
opts = {"hue": "sex"}
# ok: palette-without-hue-deprecated
sns.violinplot(data=tips, x="day", y="tip", palette="muted", **opts)
# ok: palette-without-hue-deprecated
sns.scatterplot(data=tips, x="total_bill", y="tip", palette="deep")
# expect: lmplot-facet-options-deprecated
sns.lmplot(data=tips, x="total_bill", y="tip", col="time", sharey=False)
# ok: lmplot-facet-options-deprecated
sns.lmplot(data=tips, x="total_bill", y="tip", col="time", facet_kws={"sharey": False})
# ok: lmplot-facet-options-deprecated
grid2 = sns.FacetGrid(tips, col="time", sharey=False, legend_out=True)
# expect: kdeplot-vertical-deprecated
sns.kdeplot(x=tips["tip"], vertical=True)
# expect: kdeplot-vertical-deprecated
sns.rugplot(x=tips["tip"], vertical=True)
# expect: kdeplot-data2-removed
sns.kdeplot(data=tips["tip"], data2=tips["total_bill"])
# ok: kdeplot-vertical-deprecated, kdeplot-data2-removed
sns.kdeplot(x=tips["tip"], y=tips["total_bill"])
