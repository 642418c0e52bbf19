# torch==2.5.1
# Task: compute the eigen-decomposition of a symmetric matrix and check it.
M = torch.randn(4, 4, dtype=torch.float64)
S = (M + M.T) / 2
eigenvalues, eigenvectors = torch.linalg.eigh(S)
reconstructed = eigenvectors @ torch.diag(eigenvalues) @ eigenvectors.T
torch.testing.assert_close(reconstructed, S)
Q, R = torch.linalg.qr(M)
L = torch.linalg.cholesky(S @ S.T + torch.eye(4, dtype=torch.float64))
print(eigenvalues, torch.linalg.matrix_rank(S))
