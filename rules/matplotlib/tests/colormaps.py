import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib import cm
import matplotlib.cm as mcm
from matplotlib.colors import ListedColormap

# expect: matplotlib-pyplot-cm-get-cmap-removed
cmap = plt.cm.get_cmap("viridis")
# expect: matplotlib-pyplot-cm-get-cmap-removed
colors = plt.cm.get_cmap("tab10", 5)
# expect: matplotlib-cm-get-cmap-removed
jet = cm.get_cmap("jet")
# expect: matplotlib-cm-get-cmap-removed
coolwarm = mcm.get_cmap("coolwarm", 256)
# expect: matplotlib-cm-get-cmap-removed
default = mpl.cm.get_cmap()

my_cmap = ListedColormap(["red", "green", "blue"], name="rgb")
# expect: matplotlib-cm-register-cmap-removed
cm.register_cmap(name="rgb", cmap=my_cmap)
# expect: matplotlib-cm-register-cmap-removed
plt.register_cmap("rgb2", my_cmap)
# expect: matplotlib-cm-unregister-cmap-removed
cm.unregister_cmap("rgb")

# ok: matplotlib-pyplot-cm-get-cmap-removed
good = plt.get_cmap("viridis")
# ok: matplotlib-cm-get-cmap-removed
good2 = mpl.colormaps["viridis"]
# ok: matplotlib-cm-get-cmap-removed
good3 = mpl.colormaps.get_cmap("plasma")
# ok: matplotlib-cm-register-cmap-removed
mpl.colormaps.register(my_cmap, name="rgb3")
# ok: matplotlib-cm-unregister-cmap-removed
mpl.colormaps.unregister("rgb3")

im = plt.imshow([[1, 2], [3, 4]], cmap="magma")
# ok: matplotlib-cm-get-cmap-removed
current = im.get_cmap()


class Palette:
    def get_cmap(self, name):
        return name


palette = Palette()
# ok: matplotlib-cm-get-cmap-removed
palette.get_cmap("viridis")

# expect: matplotlib-cm-cmap-d-removed
names = sorted(plt.cm.cmap_d.keys())
# expect: matplotlib-cm-cmap-d-removed
maps = cm.cmap_d
# ok: matplotlib-cm-cmap-d-removed
names = sorted(mpl.colormaps)
