# scipy==1.14.1
# Task: interpolate a function sampled on a regular 2-D grid onto a finer grid.
import numpy as np
from scipy import interpolate

x = np.linspace(0, 1, 11)
y = np.linspace(0, 2, 21)
Z = np.sin(2 * np.pi * x[None, :]) * np.cos(np.pi * y[:, None])
# deprecated: scipy.interpolate.interp2d
f = interpolate.interp2d(x, y, Z, kind="cubic")
Zf = f(np.linspace(0, 1, 50), np.linspace(0, 2, 100))
print(Zf.shape)
