# Keyword arguments that later SciPy releases removed.
import numpy as np
from scipy import linalg, optimize, signal
import scipy.spatial
# expect: scipy-odr-deprecated
from scipy import odr
# expect: scipy-odr-deprecated
import scipy.odr as sodr

# expect: scipy-signal-fir-nyq-removed
taps = signal.firwin(101, 50.0, nyq=500.0)
# expect: scipy-signal-fir-nyq-removed
taps2 = signal.remez(72, [0, 0.1, 0.2, 0.5], [1, 0], Hz=1.0)
a = np.array([[4.0, 1.0], [1.0, 3.0]])
# expect: scipy-linalg-matfunc-disp-removed
root, err = linalg.sqrtm(a, disp=False)
# expect: scipy-optimize-fmin-l-bfgs-b-disp-removed
xopt, fopt, info = optimize.fmin_l_bfgs_b(optimize.rosen, np.zeros(3), approx_grad=True, disp=0)
pts = np.random.rand(5, 2)
# expect: scipy-spatial-distance-matrix-deprecated
dm = scipy.spatial.distance_matrix(pts, pts)
model = odr.Model(lambda beta, x: beta[0] * x + beta[1])
