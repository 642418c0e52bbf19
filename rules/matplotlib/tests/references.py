import matplotlib.pyplot as plt

fig, ax = plt.subplots()
cbar = fig.colorbar(ax.imshow([[0, 1]]))
# ok: matplotlib-gca-kwargs-removed
get_axes = fig.gca
# ok: matplotlib-colorbar-draw-all-removed
callbacks = [scene.draw_all]
# expect: matplotlib-canvas-tostring-rgb-removed
grab = fig.canvas.tostring_rgb
# expect: matplotlib-colorbar-draw-all-removed
redraw = cbar.draw_all


def restyle(cbar, cbar_board: Scoreboard):
    # expect: matplotlib-colorbar-draw-all-removed
    cbar.draw_all()  # a parameter nothing types, named like a colorbar
    # ok: matplotlib-colorbar-draw-all-removed
    cbar_board.draw_all()  # named like a colorbar, annotated as the application's own class


class Scoreboard:
    def draw_all(self) -> None: ...
