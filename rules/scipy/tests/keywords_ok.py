# The same tasks with current keywords.
import numpy as np
from scipy import linalg, optimize, signal
from scipy.spatial.distance import cdist

# ok: scipy-signal-fir-nyq-removed
taps = signal.firwin(101, 50.0, fs=1000.0)
# ok: scipy-signal-fir-nyq-removed
taps2 = signal.remez(72, [0, 0.1, 0.2, 0.5], [1, 0], fs=1.0)
a = np.array([[4.0, 1.0], [1.0, 3.0]])
# ok: scipy-linalg-matfunc-disp-removed
root = linalg.sqrtm(a)
# ok: scipy-optimize-fmin-l-bfgs-b-disp-removed
xopt, fopt, info = optimize.fmin_l_bfgs_b(optimize.rosen, np.zeros(3), approx_grad=True)
# ok: scipy-optimize-fmin-l-bfgs-b-disp-removed
res = optimize.minimize(optimize.rosen, np.zeros(3), method="L-BFGS-B")
pts = np.random.rand(5, 2)
# ok: scipy-spatial-distance-matrix-deprecated
dm = cdist(pts, pts)
# ok: scipy-odr-deprecated
fit = optimize.least_squares(lambda p: p[0] * pts[:, 0] + p[1] - pts[:, 1], [1.0, 0.0])
