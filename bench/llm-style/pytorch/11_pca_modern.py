# torch==2.5.1
# Task: implement PCA on a data matrix and fit a least-squares line in PyTorch.
def pca(X, k):
    Xc = X - X.mean(dim=0)
    U, S, Vh = torch.linalg.svd(Xc, full_matrices=False)
    return Xc @ Vh[:k].T


def fit_line(x, y):
    A = torch.stack([x, torch.ones_like(x)], dim=1)
    return torch.linalg.lstsq(A, y.unsqueeze(1)).solution.squeeze(1)


def attention_weights(q, k):
    scores = q @ k.transpose(-2, -1) / q.shape[-1] ** 0.5
    return F.softmax(scores, dim=-1)
