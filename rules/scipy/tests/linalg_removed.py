# Linear algebra written for old SciPy.
import numpy as np
import scipy.linalg
from scipy import linalg
# expect: scipy-linalg-tri-removed
from scipy.linalg import triu

a = np.array([[4.0, 1.0], [1.0, 3.0]])
b = np.array([1.0, 2.0])

# expect: scipy-linalg-pinv2-removed
ai = linalg.pinv2(a)
# expect: scipy-linalg-tri-removed
upper = triu(a)
# expect: scipy-linalg-tri-removed
lower = scipy.linalg.tril(a, k=-1)
# expect: scipy-linalg-solve-sym-pos-removed
x = linalg.solve(a, b, sym_pos=True)
# expect: scipy-linalg-eigh-turbo-eigvals-removed
w, v = linalg.eigh(a, eigvals=(0, 0))
# expect: scipy-linalg-eigh-turbo-eigvals-removed
w2 = scipy.linalg.eigvalsh(a, turbo=True)
# expect: scipy-linalg-pinv-cond-rcond-removed
p = linalg.pinv(a, rcond=1e-10)
# expect: scipy-linalg-kron-removed
k = linalg.kron(a, np.eye(2))
