# Current NumPy, and same-named attributes of other objects, in a file importing NumPy.
import itertools
import math

import numpy as np
import torch

values = np.arange(6.0)

# ok: numpy-builtin-type-alias-removed
ids = values.astype(int)
# ok: numpy-builtin-type-alias-removed
ratios = np.zeros(3, dtype=np.float64)
# ok: numpy-builtin-type-alias-removed
flags = np.zeros(3, dtype=np.bool)
# ok: numpy-builtin-type-alias-removed
longs = np.zeros(3, dtype=np.long)
# ok: numpy-builtin-type-alias-removed
t = torch.zeros(3, dtype=torch.float)
# ok: numpy-builtin-type-alias-removed
info = np.finfo(np.float32).eps
# ok: numpy-nan-alias-removed
values[0] = np.nan
# ok: numpy-nan-alias-removed
values[1] = math.nan
# ok: numpy-inf-alias-removed
upper = np.inf
# ok: numpy-ninf-removed
lower = -np.inf
# ok: numpy-float-alias-removed
x = np.float64(1.5)
# ok: numpy-complex-alias-removed
c = np.zeros(2, dtype=np.complex128)
# ok: numpy-string-alias-removed
raw = np.array([b"x"], dtype=np.bytes_)
# ok: numpy-unicode-alias-removed
text = np.array(["x"], dtype=np.str_)
# ok: numpy-round-alias-removed
rounded = np.round(values, 2)
# ok: numpy-product-removed
total = np.prod(values)
# ok: numpy-product-removed
pairs = list(itertools.product("ab", repeat=2))
# ok: numpy-cumproduct-removed
running = np.cumprod(values)
# ok: numpy-sometrue-removed
anything = np.any(values > 3)
# ok: numpy-alltrue-removed
everything = np.all(values > -1)
# ok: numpy-cast-removed
as_float = np.asarray(values, dtype="f8")
# ok: numpy-cast-removed
casted = torch.cast
# ok: numpy-trapz-removed
area = np.trapezoid(values, dx=0.5)
# ok: numpy-in1d-removed
mask = np.isin(values, [1.0, 2.0])
# ok: numpy-row-stack-deprecated
grid = np.vstack([values, values])
