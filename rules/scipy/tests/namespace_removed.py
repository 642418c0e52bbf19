# Old code that used SciPy as a NumPy replacement.
import scipy
import scipy as sp
from scipy import fft

# expect: scipy-numpy-alias-removed
t = scipy.linspace(0, 1, 100)
# expect: scipy-numpy-alias-removed
w = sp.zeros((3, 3))
# expect: scipy-numpy-alias-removed
angle = 2 * sp.pi * t
# expect: scipy-numpy-alias-removed
noise = scipy.randn(100)
# expect: scipy-random-alias-removed
gen = sp.random.rand(4)
# expect: scipy-fft-called-as-function
spectrum = scipy.fft(t)
# expect: scipy-fft-called-as-function
spectrum2 = fft(t)
