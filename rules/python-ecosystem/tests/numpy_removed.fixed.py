# NumPy 1.x code in a project on NumPy 2.
import numpy as np
import numpy

values = np.arange(6.0)

# expect: numpy-builtin-type-alias-removed
ids = values.astype(int)
# expect: numpy-builtin-type-alias-removed
ratios = np.zeros(3, dtype=float)
# expect: numpy-builtin-type-alias-removed
labels = np.empty(3, dtype=object)
# expect: numpy-builtin-type-alias-removed
names = np.array(["a"], dtype=str)
# expect: numpy-builtin-type-alias-removed
z = complex(1, 2)

# expect: numpy-nan-alias-removed
values[0] = np.nan
# expect: numpy-nan-alias-removed
values[1] = np.nan
# expect: numpy-inf-alias-removed
upper = np.inf
# expect: numpy-inf-alias-removed
upper = numpy.inf
# expect: numpy-inf-alias-removed
upper = np.inf
# expect: numpy-ninf-removed
lower = -np.inf
# expect: numpy-float-alias-removed
x = np.float64(1.5)
# expect: numpy-complex-alias-removed
c = np.zeros(2, dtype=np.complex128)
# expect: numpy-complex-alias-removed
c = np.zeros(2, dtype=np.complex128)
# expect: numpy-string-alias-removed
raw = np.array([b"x"], dtype=np.bytes_)
# expect: numpy-unicode-alias-removed
text = np.array(["x"], dtype=np.str_)
# expect: numpy-round-alias-removed
rounded = np.round(values, 2)
# expect: numpy-product-removed
total = np.prod(values)
# expect: numpy-cumproduct-removed
running = np.cumprod(values)
# expect: numpy-sometrue-removed
anything = np.any(values > 3)
# expect: numpy-alltrue-removed
everything = np.all(values > -1)
# expect: numpy-cast-removed
as_float = np.cast["f8"](values)
# expect: numpy-trapz-removed
area = np.trapezoid(values, dx=0.5)
# expect: numpy-in1d-removed
mask = np.isin(values, [1.0, 2.0])
# expect: numpy-row-stack-deprecated
grid = np.vstack([values, values])
