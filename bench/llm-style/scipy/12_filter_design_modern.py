# scipy==1.14.1
# Task: design a 101-tap low-pass FIR filter at 100 Hz for a 1 kHz signal and apply it.
import numpy as np
from scipy import signal

fs = 1000.0
taps = signal.firwin(101, 100.0, fs=fs, window=("kaiser", 8.0))
t = np.arange(0, 1, 1 / fs)
x = np.sin(2 * np.pi * 30 * t) + np.sin(2 * np.pi * 300 * t)
y = signal.filtfilt(taps, [1.0], x)
w, h = signal.freqz(taps, worN=2048, fs=fs)
print(y[:5], abs(h[0]))
