# Modern scipy.interpolate / scipy.special code.
import numpy as np
from scipy import interpolate, special
from scipy.interpolate import RegularGridInterpolator, make_interp_spline, BarycentricInterpolator

x = np.linspace(0, 1, 5)
y = np.linspace(0, 1, 6)
z = np.random.rand(5, 6)

# ok: scipy-interpolate-interp2d-removed
f = RegularGridInterpolator((x, y), z, method="cubic")
# ok: scipy-interpolate-interp2d-removed
g = interpolate.RectBivariateSpline(x, y, z)
# ok: scipy-interpolate-spline-removed
smooth = make_interp_spline(x, z[:, 0], k=3)(np.linspace(0, 1, 50))
# ok: scipy-interpolate-lagrange-deprecated
bary = BarycentricInterpolator(x, z[:, 0])
# ok: scipy-interpolate-pade-deprecated
cs = interpolate.CubicSpline(x, z[:, 0])
# ok: scipy-special-btdtr-removed
cdf = special.betainc(2.0, 3.0, 0.4)
# ok: scipy-special-btdtr-removed
a = special.btdtria(0.5, 3.0, 0.4)
# ok: scipy-special-sph-harm-removed
ylm = special.sph_harm_y(2, 1, 0.7, 0.3)
# ok: scipy-special-legendre-lpn-removed
pn = special.legendre_p_all(3, 0.5)
