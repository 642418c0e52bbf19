# seaborn==0.13.2
# Task: plot the distribution of passenger ages in the Titanic dataset with a KDE curve.
titanic = sns.load_dataset("titanic")
# deprecated: seaborn.set
sns.set(style="darkgrid")
plt.figure(figsize=(8, 5))
# deprecated: seaborn.distplot
sns.distplot(titanic["age"].dropna(), bins=30, kde=True, color="steelblue")
plt.title("Age distribution")
plt.show()
