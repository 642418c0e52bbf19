# scipy==1.14.1
# Task: build a damped sine wave and find its spectrum peak.
import scipy
import scipy.fft

# deprecated: scipy.linspace
t = scipy.linspace(0, 1, 500)
# deprecated: scipy.exp, scipy.sin, scipy.pi
y = scipy.exp(-3 * t) * scipy.sin(2 * scipy.pi * 12 * t)
spec = abs(scipy.fft.rfft(y))
freqs = scipy.fft.rfftfreq(t.size, t[1] - t[0])
print(freqs[spec.argmax()])
