# Through other import aliases.
import numpy as onp
from numpy import random

# expect: numpy-nan-alias-removed
missing = onp.NaN
# expect: numpy-product-removed
size = onp.product((2, 3))
# ok: numpy-builtin-type-alias-removed
draw = random.int
