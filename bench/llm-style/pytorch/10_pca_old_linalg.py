# torch==2.5.1
# Task: implement PCA on a data matrix and fit a least-squares line in PyTorch.
def pca(X, k):
    Xc = X - X.mean(dim=0)
    cov = Xc.T @ Xc / (X.shape[0] - 1)
    # deprecated: torch.symeig
    eigvals, eigvecs = torch.symeig(cov, eigenvectors=True)
    order = eigvals.argsort(descending=True)
    return Xc @ eigvecs[:, order[:k]]


def fit_line(x, y):
    A = torch.stack([x, torch.ones_like(x)], dim=1)
    # deprecated: torch.lstsq
    solution, _ = torch.lstsq(y.unsqueeze(1), A)
    return solution[:2].squeeze(1)
