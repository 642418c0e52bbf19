import matplotlib as mpl
import matplotlib.pyplot as plt
from cycler import cycler

# expect: matplotlib-rcparam-axes-color-cycle-removed
mpl.rcParams["axes.color_cycle"] = ["r", "g", "b"]
# expect: matplotlib-rcparam-axes-hold-removed
plt.rcParams["axes.hold"] = True
# expect: matplotlib-rcparam-removed-3-3
plt.rcParams["text.latex.unicode"] = True
# expect: matplotlib-rcparam-removed-3-3
plt.rcParams.update({"savefig.frameon": False, "font.size": 10})

# ok: matplotlib-rcparam-axes-color-cycle-removed
mpl.rcParams["axes.prop_cycle"] = cycler(color=["r", "g", "b"])
# ok: matplotlib-rcparam-axes-hold-removed
plt.rcParams["axes.grid"] = True
# ok: matplotlib-rcparam-removed-3-3
plt.rcParams["text.usetex"] = True
# ok: matplotlib-rcparam-removed-3-3
plt.rcParams["savefig.facecolor"] = "none"
