# matplotlib==3.10.0
# Task: render animation frames off-screen into a list of RGB arrays.
fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
x = np.linspace(0, 2 * np.pi, 200)
(line,) = ax.plot(x, np.sin(x))
frames = []
for phase in np.linspace(0, np.pi, 20):
    line.set_ydata(np.sin(x + phase))
    fig.canvas.draw()
    frames.append(np.asarray(fig.canvas.buffer_rgba())[..., :3].copy())
for tick in ax.xaxis.get_major_ticks():
    tick.label1.set_fontsize(7)
plt.close(fig)
