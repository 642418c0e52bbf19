from matplotlib.cm import get_cmap  # expect: matplotlib-cm-get-cmap-removed

# expect: matplotlib-cm-get-cmap-removed
greys = get_cmap("Greys")
