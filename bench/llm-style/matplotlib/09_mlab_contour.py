# matplotlib==3.9.2
# Task: contour plot of the difference of two Gaussians.
import matplotlib.mlab as mlab

delta = 0.025
x = np.arange(-3.0, 3.0, delta)
y = np.arange(-2.0, 2.0, delta)
X, Y = np.meshgrid(x, y)
# deprecated: matplotlib.mlab.bivariate_normal
Z1 = mlab.bivariate_normal(X, Y, 1.0, 1.0, 0.0, 0.0)
# deprecated: matplotlib.mlab.bivariate_normal
Z2 = mlab.bivariate_normal(X, Y, 1.5, 0.5, 1, 1)
Z = 10.0 * (Z2 - Z1)
cs = plt.contour(X, Y, Z)
plt.clabel(cs, inline=1, fontsize=10)
plt.show()
