# scipy==1.14.1
# Task: solve a 1-D Poisson problem with a sparse matrix and conjugate gradients.
import numpy as np
from scipy.sparse import diags
from scipy.sparse.linalg import cg

n = 100
A = diags([-1, 2, -1], [-1, 0, 1], shape=(n, n), format="csr")
b = np.ones(n) / (n + 1) ** 2
# deprecated: scipy.sparse.linalg.cg(tol=)
x, info = cg(A, b, tol=1e-10, maxiter=1000)
print(info, x[:5])
