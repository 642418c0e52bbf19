# seaborn==0.13.2
# Task: bar plot of mean bill by day with 95% confidence intervals and a violin plot of tips.
tips = sns.load_dataset("tips")
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 5))
sns.barplot(data=tips, x="day", y="total_bill", hue="day", errorbar=("ci", 95), capsize=0.1, ax=ax1, legend=False)
sns.violinplot(data=tips, x="day", y="tip", hue="sex", split=True, inner="quart", density_norm="count", ax=ax2)
sns.despine()
plt.tight_layout()
plt.show()
