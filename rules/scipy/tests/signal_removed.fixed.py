# Signal-processing code written for SciPy 1.10.
import numpy as np
import scipy.signal
from scipy import signal
import scipy.signal as sps
# expect: scipy-signal-window-function-imported
from scipy.signal import hann, butter
# expect: scipy-signal-window-function-imported
from scipy.signal import (filtfilt, kaiser as kaiser_window)
# expect: scipy-signal-wavelets-removed
from scipy.signal import cwt, ricker

# expect: scipy-signal-window-function-moved
w1 = signal.windows.hann(64)
# expect: scipy-signal-window-function-moved
w2 = scipy.signal.windows.hamming(128, sym=False)
# expect: scipy-signal-window-function-moved
w3 = sps.windows.tukey(32, alpha=0.25)
# expect: scipy-signal-window-function-moved
w4 = signal.windows.gaussian(51, std=7)
# expect: scipy-signal-hanning-removed
w5 = signal.windows.hanning(64)
# expect: scipy-signal-bspline-removed
b = signal.cubic(np.linspace(-2, 2, 9))
# expect: scipy-signal-lsim2-removed
t, y, x = signal.lsim2(([1.0], [1.0, 1.0]), U=np.ones(10), T=np.arange(10.0))
# expect: scipy-signal-wavelets-removed
coefs = cwt(np.random.rand(100), ricker, np.arange(1, 31))
# expect: scipy-signal-wavelets-removed
mw = signal.morlet2(100, 4.0)
# expect: scipy-signal-cmplx-sort-removed
roots, idx = signal.cmplx_sort(np.roots([1, 2, 3]))
