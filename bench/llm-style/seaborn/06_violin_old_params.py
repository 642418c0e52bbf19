# seaborn==0.13.2
# Task: violin plot of tips per day, split by sex, scaled by count.
tips = sns.load_dataset("tips")
plt.figure(figsize=(8, 5))
# deprecated: violinplot(scale=)
sns.violinplot(x="day", y="tip", hue="sex", data=tips, split=True, scale="count", inner="quartile")
plt.show()
