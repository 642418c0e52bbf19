# scipy==1.14.1
# Task: interpolate a function sampled on a regular 2-D grid onto a finer grid.
import numpy as np
from scipy.interpolate import RegularGridInterpolator

x = np.linspace(0, 1, 11)
y = np.linspace(0, 2, 21)
X, Y = np.meshgrid(x, y, indexing="ij")
Z = np.sin(2 * np.pi * X) * np.cos(np.pi * Y)
interp = RegularGridInterpolator((x, y), Z, method="cubic")
xf, yf = np.meshgrid(np.linspace(0, 1, 50), np.linspace(0, 2, 100), indexing="ij")
Zf = interp(np.stack([xf.ravel(), yf.ravel()], axis=-1)).reshape(xf.shape)
print(Zf.shape)
