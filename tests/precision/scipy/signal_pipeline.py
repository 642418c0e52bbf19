"""Band-pass filtering and spectral analysis of a sampled signal (SciPy 1.14 style)."""
from __future__ import annotations

import numpy as np
import scipy.fft
from scipy import integrate, signal
from scipy.signal import windows, get_window


def make_signal(fs: float = 1000.0, seconds: float = 2.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    t = np.arange(0.0, seconds, 1.0 / fs)
    x = np.sin(2 * np.pi * 50 * t) + 0.5 * np.sin(2 * np.pi * 120 * t)
    return t, x + 0.2 * rng.standard_normal(t.size)


def bandpass(x: np.ndarray, fs: float, low: float, high: float, order: int = 4) -> np.ndarray:
    sos = signal.butter(order, [low, high], btype="bandpass", fs=fs, output="sos")
    return signal.sosfiltfilt(sos, x)


def spectrum(x: np.ndarray, fs: float) -> tuple[np.ndarray, np.ndarray]:
    taper = windows.hann(x.size, sym=False)
    coeffs = scipy.fft.rfft(x * taper)
    freqs = scipy.fft.rfftfreq(x.size, d=1.0 / fs)
    return freqs, np.abs(coeffs)


def welch_psd(x: np.ndarray, fs: float) -> tuple[np.ndarray, np.ndarray]:
    return signal.welch(x, fs=fs, window=get_window("hamming", 256), nperseg=256)


def band_power(freqs: np.ndarray, psd: np.ndarray, low: float, high: float) -> float:
    mask = (freqs >= low) & (freqs <= high)
    return float(integrate.simpson(psd[mask], x=freqs[mask]))


def energy(t: np.ndarray, x: np.ndarray) -> tuple[float, np.ndarray]:
    total = integrate.trapezoid(x ** 2, t)
    running = integrate.cumulative_trapezoid(x ** 2, t, initial=0)
    return float(total), running


def detect_peaks(x: np.ndarray, height: float) -> np.ndarray:
    peaks, _ = signal.find_peaks(x, height=height, distance=5)
    return peaks


def kaiser_lowpass(numtaps: int, cutoff: float, fs: float) -> np.ndarray:
    beta = signal.kaiser_beta(signal.kaiser_atten(numtaps, 0.1))
    taps = signal.firwin(numtaps, cutoff, window=("kaiser", beta), fs=fs)
    return taps * windows.tukey(numtaps, alpha=0.1)


def simulate_first_order(tau: float = 0.1) -> tuple[np.ndarray, np.ndarray]:
    system = signal.lti([1.0], [tau, 1.0])
    t = np.linspace(0.0, 1.0, 200)
    t_out, y = signal.step(system, T=t)
    return t_out, y


if __name__ == "__main__":
    fs = 1000.0
    t, x = make_signal(fs)
    y = bandpass(x, fs, 40.0, 60.0)
    freqs, psd = welch_psd(y, fs)
    print("50 Hz band power:", band_power(freqs, psd, 45.0, 55.0))
    print("energy:", energy(t, y)[0])
    print("peaks:", detect_peaks(y, 0.5)[:5])
