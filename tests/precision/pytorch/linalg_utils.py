"""Numerical helpers built on torch.linalg (PyTorch 2.5)."""

import torch


def solve_least_squares(A: torch.Tensor, B: torch.Tensor) -> torch.Tensor:
    """Solve min ||AX - B|| for a tall A."""
    return torch.linalg.lstsq(A, B).solution


def solve_square(A: torch.Tensor, B: torch.Tensor) -> torch.Tensor:
    return torch.linalg.solve(A, B)


def spd_factor(A: torch.Tensor) -> torch.Tensor:
    sym = A @ A.mT + 1e-3 * torch.eye(A.shape[-1], dtype=A.dtype)
    return torch.linalg.cholesky(sym)


def spectrum(A: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    sym = (A + A.mT) / 2
    eigenvalues, eigenvectors = torch.linalg.eigh(sym)
    return eigenvalues, eigenvectors


def general_eigenvalues(A: torch.Tensor) -> torch.Tensor:
    return torch.linalg.eigvals(A)


def orthonormal_basis(A: torch.Tensor) -> torch.Tensor:
    Q, _R = torch.linalg.qr(A, mode="reduced")
    return Q


def numerical_rank(A: torch.Tensor) -> torch.Tensor:
    return torch.linalg.matrix_rank(A, hermitian=False)


def chain(*mats: torch.Tensor) -> torch.Tensor:
    return torch.linalg.multi_dot(list(mats))


def lu_solve(A: torch.Tensor, B: torch.Tensor) -> torch.Tensor:
    LU, pivots = torch.linalg.lu_factor(A)
    return torch.linalg.lu_solve(LU, pivots, B)


def row_norms(A: torch.Tensor) -> torch.Tensor:
    return torch.linalg.vector_norm(A, ord=2, dim=-1)


def frobenius(A: torch.Tensor) -> torch.Tensor:
    return torch.linalg.matrix_norm(A, ord="fro")


def outer(u: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    return torch.outer(u, v)


def grid(n: int) -> torch.Tensor:
    return torch.arange(0, n, dtype=torch.float32)
