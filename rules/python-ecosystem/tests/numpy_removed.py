# NumPy 1.x code in a project on NumPy 2.
import numpy as np
import numpy

values = np.arange(6.0)

# expect: numpy-builtin-type-alias-removed
ids = values.astype(np.int)
# expect: numpy-builtin-type-alias-removed
ratios = np.zeros(3, dtype=np.float)
# expect: numpy-builtin-type-alias-removed
labels = np.empty(3, dtype=numpy.object)
# expect: numpy-builtin-type-alias-removed
names = np.array(["a"], dtype=np.str)
# expect: numpy-builtin-type-alias-removed
z = np.complex(1, 2)

# expect: numpy-nan-alias-removed
values[0] = np.NaN
# expect: numpy-nan-alias-removed
values[1] = np.NAN
# expect: numpy-inf-alias-removed
upper = np.Inf
# expect: numpy-inf-alias-removed
upper = numpy.PINF
# expect: numpy-inf-alias-removed
upper = np.infty
# expect: numpy-ninf-removed
lower = np.NINF
# expect: numpy-float-alias-removed
x = np.float_(1.5)
# expect: numpy-complex-alias-removed
c = np.zeros(2, dtype=np.complex_)
# expect: numpy-complex-alias-removed
c = np.zeros(2, dtype=np.cfloat)
# expect: numpy-string-alias-removed
raw = np.array([b"x"], dtype=np.string_)
# expect: numpy-unicode-alias-removed
text = np.array(["x"], dtype=np.unicode_)
# expect: numpy-round-alias-removed
rounded = np.round_(values, 2)
# expect: numpy-product-removed
total = np.product(values)
# expect: numpy-cumproduct-removed
running = np.cumproduct(values)
# expect: numpy-sometrue-removed
anything = np.sometrue(values > 3)
# expect: numpy-alltrue-removed
everything = np.alltrue(values > -1)
# expect: numpy-cast-removed
as_float = np.cast["f8"](values)
# expect: numpy-trapz-removed
area = np.trapz(values, dx=0.5)
# expect: numpy-in1d-removed
mask = np.in1d(values, [1.0, 2.0])
# expect: numpy-row-stack-deprecated
grid = np.row_stack([values, values])
