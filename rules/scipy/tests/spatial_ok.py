# Modern scipy.spatial code and look-alikes.
import numpy as np
from scipy.spatial import distance, KDTree
from scipy.spatial.transform import Rotation as R

u = np.array([1, 0, 1, 1], dtype=bool)
v = np.array([0, 1, 1, 1], dtype=bool)
w = np.ones(4)


class Attitude:
    def from_dcm(self, m):
        return m


# ok: scipy-spatial-wminkowski-removed
d1 = distance.minkowski(u, v, 2, w=w ** 2)
# ok: scipy-spatial-matching-removed
d2 = distance.hamming(u, v)
# ok: scipy-spatial-kulsinski-removed
d3 = distance.jaccard(u, v)
# ok: scipy-spatial-kulczynski1-sokalmichener-removed
d4 = distance.rogerstanimoto(u, v)
# ok: scipy-rotation-dcm-removed
rot = R.from_matrix(np.eye(3))
# ok: scipy-rotation-dcm-removed
m = R.from_euler("xyz", [0, 0, 90], degrees=True).as_matrix()
# ok: scipy-rotation-dcm-removed
mine = Attitude().from_dcm(np.eye(3))
# ok: scipy-rotation-match-vectors-removed
est, rmsd = R.align_vectors(np.eye(3), np.eye(3))
tree = KDTree(np.random.rand(10, 2))
