"""Interpolation, linear algebra, rotations and image processing with SciPy 1.14."""
import numpy as np
from scipy import datasets, interpolate, linalg, ndimage, optimize, sparse
from scipy.interpolate import RegularGridInterpolator, RectBivariateSpline, make_interp_spline
from scipy.ndimage import gaussian_filter, binary_dilation, label, zoom
from scipy.spatial import KDTree, distance
from scipy.spatial.transform import Rotation as R


def load_face(gray: bool = True) -> np.ndarray:
    try:
        return datasets.face(gray=gray)
    except ImportError:  # pooch is an optional dependency
        return np.zeros((768, 1024))


def smooth_and_segment(img: np.ndarray) -> tuple[np.ndarray, int]:
    smooth = gaussian_filter(img, sigma=2)
    mask = binary_dilation(smooth > smooth.mean(), iterations=2)
    labels, n = label(mask)
    return labels, n


def upscale(img: np.ndarray, factor: float) -> np.ndarray:
    return zoom(img, factor, order=3)


def grid_interpolator(x: np.ndarray, y: np.ndarray, z: np.ndarray) -> RegularGridInterpolator:
    return RegularGridInterpolator((x, y), z, method="cubic")


def spline_surface(x: np.ndarray, y: np.ndarray, z: np.ndarray) -> RectBivariateSpline:
    return RectBivariateSpline(x, y, z)


def smooth_curve(x: np.ndarray, y: np.ndarray, n: int = 200) -> np.ndarray:
    xs = np.linspace(x.min(), x.max(), n)
    return make_interp_spline(x, y, k=3)(xs)


def solve_spd(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return linalg.solve(a, b, assume_a="pos")


def smallest_eigenpairs(a: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    return linalg.eigh(a, subset_by_index=[0, k - 1])


def pseudo_inverse(a: np.ndarray) -> np.ndarray:
    return linalg.pinv(a, rtol=1e-10)


def triangular_parts(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return np.triu(a), np.tril(a, k=-1)


def kron_blocks(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.kron(a, b)


def rotation_matrix(angles_deg: list[float]) -> np.ndarray:
    rot = R.from_euler("xyz", angles_deg, degrees=True)
    return rot.as_matrix()


def best_rotation(a: np.ndarray, b: np.ndarray) -> R:
    rot, rmsd = R.align_vectors(a, b)
    return rot


def nearest(points: np.ndarray, query: np.ndarray) -> tuple[float, int]:
    tree = KDTree(points)
    dist, idx = tree.query(query, k=1)
    return float(dist), int(idx)


def weighted_distance(u: np.ndarray, v: np.ndarray, w: np.ndarray) -> float:
    return float(distance.minkowski(u, v, p=2, w=w))


def sparse_laplacian(n: int) -> sparse.csr_array:
    main = 2 * np.ones(n)
    off = -np.ones(n - 1)
    return sparse.diags_array([off, main, off], offsets=[-1, 0, 1], format="csr")


def minimize_rosen(x0: np.ndarray) -> np.ndarray:
    res = optimize.minimize(optimize.rosen, x0, method="L-BFGS-B", jac=optimize.rosen_der)
    return res.x


def cubic(x: np.ndarray, y: np.ndarray) -> interpolate.CubicSpline:
    return interpolate.CubicSpline(x, y)


if __name__ == "__main__":
    img = load_face()
    labels, n = smooth_and_segment(img[:64, :64])
    print(n, rotation_matrix([0, 0, 90]).round(3))
    print(solve_spd(np.array([[4.0, 1.0], [1.0, 3.0]]), np.array([1.0, 2.0])))
