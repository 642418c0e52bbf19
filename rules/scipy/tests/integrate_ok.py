# Modern scipy.integrate code and look-alikes.
import numpy as np
from scipy import integrate
from scipy.integrate import simpson, trapezoid, cumulative_trapezoid


def simps(values):
    return sum(values)


x = np.linspace(0.0, 1.0, 11)
y = x ** 2
# ok: scipy-integrate-simps-removed
a = integrate.simpson(y, x=x)
# ok: scipy-integrate-removed-name-imported
b = simps(y)
c = trapezoid(y, x)
d = cumulative_trapezoid(y, x, initial=0)
# ok: scipy-integrate-trapz-removed
e = integrate.trapezoid(y, x)
value, _ = integrate.quad(np.sin, 0.0, np.pi)
# ok: scipy-integrate-romberg-removed
r = integrate.romb(np.ones(5))
# ok: scipy-integrate-cumtrapz-removed
g = integrate.cumulative_trapezoid(y, x)
# ok: scipy-integrate-quadrature-removed
h, _ = integrate.fixed_quad(np.sin, 0.0, 1.0)
