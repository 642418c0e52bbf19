# Modern scipy.linalg code and look-alikes.
import numpy as np
from scipy import linalg, sparse

a = np.array([[4.0, 1.0], [1.0, 3.0]])
b = np.array([1.0, 2.0])

# ok: scipy-linalg-pinv2-removed
ai = linalg.pinv(a)
# ok: scipy-linalg-tri-removed
upper = np.triu(a)
# ok: scipy-linalg-solve-sym-pos-removed
x = linalg.solve(a, b, assume_a="pos")
# ok: scipy-linalg-eigh-turbo-eigvals-removed
w, v = linalg.eigh(a, subset_by_index=[0, 0])
# ok: scipy-linalg-eigh-turbo-eigvals-removed
w2 = linalg.eigh(a, eigvals_only=True)
# ok: scipy-linalg-pinv-cond-rcond-removed
p = np.linalg.pinv(a, rcond=1e-10)
# ok: scipy-linalg-pinv-cond-rcond-removed
p2 = linalg.pinv(a, rtol=1e-10)
# ok: scipy-linalg-kron-removed
k = np.kron(a, np.eye(2))
# ok: scipy-linalg-kron-removed
ks = sparse.kron(sparse.eye(2), sparse.eye(2))
# ok: scipy-linalg-solve-sym-pos-removed
x2 = np.linalg.solve(a, b)
