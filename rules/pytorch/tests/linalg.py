import torch
import torch as th
# expect: torch-lstsq-removed
from torch import lstsq

A = torch.randn(3, 3)
B = torch.randn(3, 2)

# expect: torch-solve-removed
X, LU = torch.solve(B, A)
# expect: torch-lstsq-removed
sol = th.lstsq(B, A).solution
# expect: torch-lstsq-removed
sol2 = lstsq(B, A)
# expect: torch-eig-removed
vals, vecs = torch.eig(A, eigenvectors=True)
# expect: torch-matrix-rank-removed
r = torch.matrix_rank(A)
# expect: torch-symeig-removed
e, v = torch.symeig(A, eigenvectors=True)
# expect: torch-cholesky-deprecated
L = torch.cholesky(A @ A.T + torch.eye(3))
# expect: torch-qr-deprecated
Q, R = torch.qr(A)
# expect: torch-chain-matmul-deprecated
P = torch.chain_matmul(A, A, A)
# expect: torch-lu-deprecated
lu, piv = torch.lu(A)
# expect: torch-lu-solve-deprecated
x = torch.lu_solve(B, lu, piv)
# expect: torch-ger-deprecated
o = torch.ger(A[0], A[1])
# expect: torch-ger-deprecated
o2 = th.ger(A[0], A[1])
# expect: torch-range-deprecated
idx = torch.range(0, 4)
# expect: torch-norm-deprecated
n = torch.norm(A, dim=1)
# expect: torch-svd-deprecated
U, S, V = torch.svd(A)
# expect: torch-triangular-solve-deprecated
T = torch.triangular_solve(B, torch.triu(A)).solution
