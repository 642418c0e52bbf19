import numpy as np
import scipy.linalg
import torch


def solve(a, b):
    return a, b


def qr(m):
    return m


class Solver:
    def solve(self, a, b):
        return a

    def eig(self, a):
        return a


A = torch.randn(3, 3)
B = torch.randn(3, 2)

# ok: torch-solve-removed
X = torch.linalg.solve(A, B)
# ok: torch-solve-removed
y = np.linalg.solve(A.numpy(), B.numpy())
# ok: torch-solve-removed
z = scipy.linalg.solve(A.numpy(), B.numpy())
# ok: torch-solve-removed
w = solve(A, B)
# ok: torch-solve-removed
s = Solver().solve(A, B)
# ok: torch-eig-removed
ev = Solver().eig(A)
# ok: torch-qr-deprecated
q = qr(A)
# ok: torch-qr-deprecated
Q, R = torch.linalg.qr(A)
# ok: torch-lstsq-removed
sol = torch.linalg.lstsq(A, B).solution
# ok: torch-eig-removed
vals, vecs = torch.linalg.eig(A)
# ok: torch-symeig-removed
e, v = torch.linalg.eigh(A)
# ok: torch-matrix-rank-removed
r = torch.linalg.matrix_rank(A)
# ok: torch-cholesky-deprecated
L = torch.linalg.cholesky(A @ A.T + torch.eye(3))
# ok: torch-chain-matmul-deprecated
P = torch.linalg.multi_dot([A, A, A])
# ok: torch-lu-deprecated
LU, piv = torch.linalg.lu_factor(A)
# ok: torch-lu-solve-deprecated
x = torch.linalg.lu_solve(LU, piv, B)
# ok: torch-ger-deprecated
o = torch.outer(A[0], A[1])
# ok: torch-range-deprecated
idx = torch.arange(0, 5)
# ok: torch-range-deprecated
for i in range(3):
    pass
# ok: torch-norm-deprecated
n = torch.linalg.vector_norm(A, dim=1)
# ok: torch-norm-deprecated
m = A.norm(dim=1)
# ok: torch-norm-deprecated
k = np.linalg.norm(A.numpy())
# ok: torch-svd-deprecated
U, S, Vh = torch.linalg.svd(A, full_matrices=False)
# ok: torch-svd-deprecated
S2 = A.svd()
# ok: torch-svd-deprecated
u, s, vt = np.linalg.svd(A.numpy())
# ok: torch-triangular-solve-deprecated
T = torch.linalg.solve_triangular(torch.triu(A), B, upper=True)
# ok: torch-triangular-solve-deprecated
T2 = scipy.linalg.solve_triangular(A.numpy(), B.numpy())
