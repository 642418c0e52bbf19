# Modern scipy.signal code and look-alikes.
import numpy as np
from scipy import signal
from scipy.signal import windows, get_window, butter, sosfiltfilt
from scipy.signal.windows import hann, kaiser

# ok: scipy-signal-window-function-moved
w1 = signal.windows.hann(64)
# ok: scipy-signal-window-function-moved
w2 = windows.hamming(128)
# ok: scipy-signal-window-function-moved
w3 = get_window("tukey", 32)
# ok: scipy-signal-window-function-imported
w4 = hann(16)
# ok: scipy-signal-hanning-removed
w5 = np.hanning(64)
# ok: scipy-signal-bspline-removed
sos = butter(4, 0.2, output="sos")
# ok: scipy-signal-lsim2-removed
t, y, x = signal.lsim(([1.0], [1.0, 1.0]), U=np.ones(10), T=np.arange(10.0))
# ok: scipy-signal-wavelets-removed
filtered = sosfiltfilt(sos, np.random.rand(100))
# ok: scipy-signal-cmplx-sort-removed
r = np.sort_complex(np.roots([1, 2, 3]))
# ok: scipy-signal-window-function-moved
hann_np = np.hamming(10)
