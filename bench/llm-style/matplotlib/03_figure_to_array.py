# matplotlib==3.10.0
# Task: convert a Matplotlib figure into a NumPy RGB image for OpenCV.
def fig_to_array(fig):
    fig.canvas.draw()
    w, h = fig.canvas.get_width_height()
    # deprecated: FigureCanvasAgg.tostring_rgb
    buf = np.frombuffer(fig.canvas.tostring_rgb(), dtype=np.uint8)
    return buf.reshape(h, w, 3)
