# matplotlib==3.9.2
# Task: 3D surface plot with transparent panes.
X, Y = np.meshgrid(np.linspace(-3, 3, 60), np.linspace(-3, 3, 60))
Z = np.sin(np.sqrt(X**2 + Y**2))
fig = plt.figure(figsize=(7, 5))
# deprecated: Figure.gca(projection=)
ax = fig.gca(projection="3d")
ax.plot_surface(X, Y, Z, cmap="viridis")
# deprecated: Axes3D.w_xaxis
ax.w_xaxis.set_pane_color((1.0, 1.0, 1.0, 0.0))
# deprecated: Axes3D.w_yaxis
ax.w_yaxis.set_pane_color((1.0, 1.0, 1.0, 0.0))
plt.show()
