# Iterative solvers called with the pre-1.14 keywords.
import numpy as np
from scipy import sparse
from scipy.sparse.linalg import cg, gmres
import scipy.sparse.linalg as spla

A = sparse.diags_array([-1.0, 2.0, -1.0], offsets=[-1, 0, 1], shape=(50, 50), format="csr")
b = np.ones(50)

# expect: scipy-sparse-linalg-tol-removed
x, info = cg(A, b, tol=1e-10)
# expect: scipy-sparse-linalg-tol-removed
x2, info2 = spla.bicgstab(A, b, x0=None, tol=1e-8, maxiter=200)
# expect: scipy-sparse-linalg-tol-removed, scipy-sparse-linalg-gmres-restrt-removed
x3, info3 = gmres(A, b, tol=1e-8, restrt=30)
