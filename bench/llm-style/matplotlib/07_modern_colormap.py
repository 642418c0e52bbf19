# matplotlib==3.11.0
# Task: heatmap with a resampled colormap and a colorbar.
fig, ax = plt.subplots()
cmap = mpl.colormaps["magma"].resampled(8)
im = ax.imshow(matrix, cmap=cmap)
cbar = fig.colorbar(im, ax=ax)
cbar.set_label("count")
default = plt.get_cmap("viridis")
print(im.get_cmap().name, default.name)
plt.style.use("seaborn-v0_8-darkgrid")
fig.canvas.draw()
rgba = np.asarray(fig.canvas.buffer_rgba())
