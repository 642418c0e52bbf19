# Iterative solvers with the current keywords.
import numpy as np
from scipy import sparse
from scipy.sparse.linalg import cg, gmres, lsqr

A = sparse.diags_array([-1.0, 2.0, -1.0], offsets=[-1, 0, 1], shape=(50, 50), format="csr")
b = np.ones(50)

# ok: scipy-sparse-linalg-tol-removed
x, info = cg(A, b, rtol=1e-10, atol=0.0)
# ok: scipy-sparse-linalg-gmres-restrt-removed
x3, info3 = gmres(A, b, rtol=1e-8, restart=30)
# ok: scipy-sparse-linalg-tol-removed
x4 = lsqr(A, b, atol=1e-8, btol=1e-8)[0]
