import warnings

import numpy as np
import matplotlib
import matplotlib.pyplot as plt
import matplotlib.mlab as mlab
from matplotlib import cbook
from matplotlib import collections
import matplotlib.dates as mdates

# expect: matplotlib-use-warn-removed
matplotlib.use("Agg", warn=False)

x = np.linspace(-3, 3, 100)
X, Y = np.meshgrid(x, x)
# expect: matplotlib-mlab-normpdf-removed
y = mlab.normpdf(x, 0, 1)
# expect: matplotlib-mlab-bivariate-normal-removed
Z = mlab.bivariate_normal(X, Y, 1.0, 1.0, 0.0, 0.0)
# expect: matplotlib-mlab-find-removed
idx = mlab.find(x > 0)
# expect: matplotlib-mlab-griddata-removed
zi = mlab.griddata(x, x, x, x, x)
# expect: matplotlib-cbook-iterable-removed
if cbook.iterable(x):
    pass
# expect: matplotlib-cbook-deprecation-warning-removed
warnings.filterwarnings("ignore", category=matplotlib.cbook.mplDeprecation)
# expect: matplotlib-cbook-deprecation-warning-removed
warnings.simplefilter("ignore", cbook.MatplotlibDeprecationWarning)
# expect: matplotlib-dates-julian-removed
jd = mdates.num2julian(mdates.date2num(np.datetime64("2020-01-01")))
# expect: matplotlib-brokenbarhcollection-removed
coll = collections.BrokenBarHCollection.span_where(x, ymin=0, ymax=1, where=x > 0)

# ok: matplotlib-use-warn-removed
matplotlib.use("Agg")
# ok: matplotlib-mlab-normpdf-removed
psd = mlab.psd(x)
# ok: matplotlib-cbook-deprecation-warning-removed
warnings.filterwarnings("ignore", category=matplotlib.MatplotlibDeprecationWarning)
# ok: matplotlib-cbook-iterable-removed
flag = np.iterable(x)
# ok: matplotlib-dates-julian-removed
num = mdates.date2num(np.datetime64("2020-01-01"))
fig, ax = plt.subplots()
# ok: matplotlib-brokenbarhcollection-removed
ax.fill_between(x, 0, 1, where=x > 0)
# ok: matplotlib-private-modules-removed
plt.tight_layout()
# ok: matplotlib-private-modules-removed
fig.tight_layout()
# ok: matplotlib-private-modules-removed
renderer = fig.canvas.get_renderer()
# ok: matplotlib-mlab-find-removed
pos = "abc".find("b")
# expect: matplotlib-dates-strpdate2num-removed
conv = {0: mdates.bytespdate2num("%Y-%m-%d")}
# expect: matplotlib-pyplot-plotfile-removed
plt.plotfile("data.csv", cols=(0, 1))
# ok: matplotlib-dates-strpdate2num-removed
nums = mdates.datestr2num(["2020-01-01"])
# ok: matplotlib-pyplot-plotfile-removed
plt.plot([1, 2], [3, 4])
