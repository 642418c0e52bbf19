# seaborn==0.13.2
# Task: show the mean tip by day and smoker status with confidence intervals.
tips = sns.load_dataset("tips")
# deprecated: seaborn.factorplot
g = sns.factorplot(x="day", y="tip", hue="smoker", data=tips, kind="bar", size=4, aspect=1.3)
g.set_axis_labels("Day", "Mean tip")
plt.show()
