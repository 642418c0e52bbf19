import matplotlib.pyplot as plt
import numpy as np
import seaborn as sns
# expect: distplot-deprecated
from seaborn import distplot, histplot
# expect: utility-functions-removed
from seaborn.utils import iqr

x = np.random.randn(100)
# expect: tsplot-removed
sns.tsplot(data=x)
# expect: factorplot-removed
g = sns.factorplot(x="day", y="total_bill", data=None)
# expect: lvplot-removed
ax = sns.boxenplot(x=x)
# expect: distplot-deprecated
sns.distplot(x)
# expect: distplot-deprecated
distplot(x, kde=False)
# expect: set-renamed-set-theme
sns.set_theme()
# expect: set-renamed-set-theme
sns.set_theme(style="whitegrid", font_scale=1.2)
# expect: axlabel-deprecated
sns.axlabel("x", "y")
# expect: utility-functions-removed
spread = iqr(x)
# expect: utility-functions-removed
pct = sns.percentiles(x, [5, 95])
# expect: jointplot-stat-func-removed
j = sns.jointplot(x=x, y=x, stat_func=None)

# ok: distplot-deprecated
histplot(x, kde=True)
# ok: set-renamed-set-theme
sns.set_theme(style="whitegrid")
# ok: set-renamed-set-theme
sns.set_style("ticks")
# ok: set-renamed-set-theme
unique = set([1, 2, 2])
# ok: factorplot-removed
cat = sns.catplot(x="day", y="total_bill", data=None, kind="point")
# ok: lvplot-removed
bx = sns.boxenplot(x=x)
# ok: jointplot-stat-func-removed
j2 = sns.jointplot(x=x, y=x, kind="reg")
# ok: axlabel-deprecated
plt.gca().set(xlabel="x", ylabel="y")
# ok: utility-functions-removed
q = np.percentile(x, [5, 95])
# ok: tsplot-removed
line = sns.lineplot(x=x, y=x)
