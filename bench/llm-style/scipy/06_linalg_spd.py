# scipy==1.14.1
# Task: solve a symmetric positive-definite system and get the two smallest eigenpairs.
import numpy as np
import scipy.linalg

A = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 2.0]])
b = np.array([1.0, 2.0, 3.0])
# deprecated: scipy.linalg.solve(sym_pos=)
x = scipy.linalg.solve(A, b, sym_pos=True)
# deprecated: scipy.linalg.eigh(eigvals=)
w, v = scipy.linalg.eigh(A, eigvals=(0, 1))
# deprecated: scipy.linalg.pinv2
Ainv = scipy.linalg.pinv2(A)
print(x, w, Ainv @ A)
