# seaborn==0.13.2
# Task: compare the distribution of total bill by time of day.
tips = sns.load_dataset("tips")
sns.set_theme(style="whitegrid")
g = sns.displot(data=tips, x="total_bill", hue="time", kind="hist", kde=True, element="step", height=4, aspect=1.5)
g.set_axis_labels("Total bill ($)", "Count")
plt.show()
