# torch==2.5.1
# Task: solve the linear system A x = b and report the residual and the rank of A.
A = torch.randn(5, 5, dtype=torch.float64)
b = torch.randn(5, 1, dtype=torch.float64)
# deprecated: torch.solve
x, _ = torch.solve(b, A)
residual = torch.linalg.vector_norm(A @ x - b)
# deprecated: torch.matrix_rank
rank = torch.matrix_rank(A)
print(f"residual={residual.item():.3e} rank={rank.item()}")
