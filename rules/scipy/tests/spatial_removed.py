# Distance and rotation code for SciPy < 1.6 / < 1.11.
import numpy as np
from scipy.spatial import distance
from scipy.spatial.transform import Rotation
from scipy.spatial.transform import Rotation as R
import scipy.spatial.distance as ssd

u = np.array([1, 0, 1, 1], dtype=bool)
v = np.array([0, 1, 1, 1], dtype=bool)
w = np.ones(4)

# expect: scipy-spatial-wminkowski-removed
d1 = distance.wminkowski(u, v, 2, w)
# expect: scipy-spatial-matching-removed
d2 = ssd.matching(u, v)
# expect: scipy-spatial-kulsinski-removed
d3 = distance.kulsinski(u, v)
# expect: scipy-spatial-kulczynski1-sokalmichener-removed
d4 = distance.sokalmichener(u, v)
# expect: scipy-rotation-dcm-removed
rot = Rotation.from_dcm(np.eye(3))
# expect: scipy-rotation-dcm-removed
m = R.from_euler("xyz", [0, 0, 90], degrees=True).as_dcm()
# expect: scipy-rotation-match-vectors-removed
est, sens = R.match_vectors(np.eye(3), np.eye(3))
