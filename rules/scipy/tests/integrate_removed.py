# SciPy < 1.14 integration code in a project on SciPy 1.15.
import numpy as np
import scipy
import scipy.integrate as si
from scipy import integrate

x = np.linspace(0.0, 1.0, 11)
y = x ** 2

# expect: scipy-integrate-trapz-removed
a = integrate.trapz(y, x)
# expect: scipy-integrate-trapz-removed
b = si.trapz(y, dx=0.1)
# expect: scipy-integrate-cumtrapz-removed
c = scipy.integrate.cumtrapz(y, x, initial=0)
# expect: scipy-integrate-simps-removed
d = integrate.simps(y, x=x)
# expect: scipy-integrate-quadrature-removed
e, err = integrate.quadrature(np.sin, 0.0, np.pi)
# expect: scipy-integrate-romberg-removed
f = si.romberg(np.cos, 0.0, 1.0)
