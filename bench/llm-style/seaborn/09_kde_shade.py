# seaborn==0.13.2
# Task: overlay filled KDE curves of flipper length for each penguin species.
penguins = sns.load_dataset("penguins")
for species, group in penguins.groupby("species"):
    # deprecated: kdeplot(shade=)
    sns.kdeplot(x=group["flipper_length_mm"], shade=True, label=species)
plt.legend()
plt.show()
