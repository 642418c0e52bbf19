# seaborn==0.13.2
# Task: bar chart of the number of passengers per class, with a pastel palette.
titanic = sns.load_dataset("titanic")
plt.figure(figsize=(6, 4))
# deprecated: countplot(palette=) without hue
sns.countplot(x="class", data=titanic, palette="pastel")
plt.title("Passengers per class")
plt.show()
