# seaborn==0.13.2
# Task: pair plot of the penguins dataset colored by species, with a correlation heatmap.
penguins = sns.load_dataset("penguins").dropna()
sns.set_theme(context="notebook", style="ticks")
sns.pairplot(penguins, hue="species", diag_kind="kde", corner=True)
corr = penguins.select_dtypes("number").corr()
plt.figure(figsize=(6, 5))
sns.heatmap(corr, annot=True, fmt=".2f", cmap="coolwarm", center=0)
plt.show()
