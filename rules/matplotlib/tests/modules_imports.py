import matplotlib.pyplot as plt
from matplotlib import docstring  # expect: matplotlib-private-modules-removed
from matplotlib.tight_layout import get_renderer  # expect: matplotlib-private-modules-removed
from matplotlib.cbook.deprecation import MatplotlibDeprecationWarning  # expect: matplotlib-cbook-deprecation-module-removed
from matplotlib.tri.triangulation import Triangulation  # expect: matplotlib-tri-submodules-removed
from matplotlib.mlab import normpdf  # expect: matplotlib-mlab-normpdf-removed
from matplotlib.dates import julian2num  # expect: matplotlib-dates-julian-removed
from matplotlib.collections import BrokenBarHCollection  # expect: matplotlib-brokenbarhcollection-removed
from matplotlib.tri import Triangulation as Tri, tripcolor  # ok: matplotlib-tri-submodules-removed
from matplotlib.font_manager import FontProperties  # ok: matplotlib-private-modules-removed
from matplotlib import MatplotlibDeprecationWarning as MDW  # ok: matplotlib-cbook-deprecation-warning-removed
import matplotlib.tight_layout  # expect: matplotlib-private-modules-removed
import matplotlib.tri.trifinder as tf  # expect: matplotlib-tri-submodules-removed
import matplotlib.cbook  # ok: matplotlib-cbook-deprecation-module-removed
import matplotlib.mlab as mlab
# ok: matplotlib-mlab-bivariate-normal-removed
spec = mlab.specgram
# ok: matplotlib-mlab-griddata-removed
detrended = mlab.detrend_mean([1, 2, 3])
