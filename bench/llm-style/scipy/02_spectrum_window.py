# scipy==1.14.1
# Task: compute a windowed magnitude spectrum of a noisy 50 Hz tone.
import numpy as np
import scipy.signal

fs = 1000
t = np.arange(0, 1, 1 / fs)
x = np.sin(2 * np.pi * 50 * t) + 0.1 * np.random.randn(t.size)
# deprecated: scipy.signal.hann
w = scipy.signal.hann(len(x))
spec = np.abs(np.fft.rfft(x * w))
freqs = np.fft.rfftfreq(len(x), 1 / fs)
print(freqs[np.argmax(spec)])
