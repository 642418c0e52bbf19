# seaborn==0.13.2
# Task: joint plot of bill vs tip with the Pearson correlation shown.
from scipy import stats

tips = sns.load_dataset("tips")
# deprecated: jointplot(stat_func=)
g = sns.jointplot(x="total_bill", y="tip", data=tips, kind="reg", stat_func=stats.pearsonr)
plt.show()
