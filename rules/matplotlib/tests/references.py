import matplotlib.pyplot as plt

fig, ax = plt.subplots()
# ok: matplotlib-gca-kwargs-removed
get_axes = fig.gca
# ok: matplotlib-colorbar-draw-all-removed
callbacks = [scene.draw_all]
# expect: matplotlib-canvas-tostring-rgb-removed
grab = fig.canvas.tostring_rgb
# expect: matplotlib-colorbar-draw-all-removed
redraw = cbar.draw_all
