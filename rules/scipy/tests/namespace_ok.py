# Modern code: NumPy for arrays, SciPy subpackages for the rest.
import numpy as np
import scipy
import scipy.fft
from scipy import linalg, special
from scipy.fft import fft, ifft

# ok: scipy-numpy-alias-removed
t = np.linspace(0, 1, 100)
# ok: scipy-numpy-alias-removed
m = scipy.linalg.inv(np.eye(3))
# ok: scipy-numpy-alias-removed
g = scipy.special.gamma(3.0)
# ok: scipy-numpy-alias-removed
v = scipy.__version__
# ok: scipy-random-alias-removed
rng = np.random.default_rng(0)
# ok: scipy-fft-called-as-function
spectrum = scipy.fft.fft(t)
# ok: scipy-fft-called-as-function
spectrum2 = fft(t)
back = ifft(spectrum2)
# ok: scipy-numpy-alias-removed
lu = linalg.lu(np.eye(2))
