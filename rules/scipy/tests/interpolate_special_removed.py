# Old interpolation and special-function code.
import numpy as np
from scipy import interpolate, special
import scipy.special as sc
# expect: scipy-interpolate-interp2d-removed
from scipy.interpolate import interp2d

x = np.linspace(0, 1, 5)
y = np.linspace(0, 1, 6)
z = np.random.rand(6, 5)

# expect: scipy-interpolate-interp2d-removed
f = interp2d(x, y, z, kind="cubic")
# expect: scipy-interpolate-interp2d-removed
g = interpolate.interp2d(x, y, z)
# expect: scipy-interpolate-spline-removed
smooth = interpolate.spline(x, z[0], np.linspace(0, 1, 50))
# expect: scipy-interpolate-lagrange-deprecated
poly = interpolate.lagrange(x, z[0])
# expect: scipy-interpolate-pade-deprecated
p, q = interpolate.pade([1.0, 1.0, 0.5], 1)
# expect: scipy-special-btdtr-removed
cdf = special.btdtr(2.0, 3.0, 0.4)
# expect: scipy-special-btdtr-removed
q50 = sc.btdtri(2.0, 3.0, 0.5)
# expect: scipy-special-sph-harm-removed
ylm = special.sph_harm(1, 2, 0.3, 0.7)
# expect: scipy-special-legendre-lpn-removed
pn, dpn = special.lpn(3, 0.5)
