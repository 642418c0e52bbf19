# scipy==1.14.1
# Task: compute the area under a sampled curve and its running integral.
import numpy as np
from scipy import integrate

x = np.linspace(0, np.pi, 101)
y = np.sin(x)
# deprecated: scipy.integrate.trapz
area = integrate.trapz(y, x)
# deprecated: scipy.integrate.simps
area_simpson = integrate.simps(y, x)
# deprecated: scipy.integrate.cumtrapz
running = integrate.cumtrapz(y, x, initial=0)
print(f"trapezoid={area:.6f} simpson={area_simpson:.6f} final={running[-1]:.6f}")
