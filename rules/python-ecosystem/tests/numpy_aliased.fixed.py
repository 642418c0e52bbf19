# Through other import aliases.
import numpy as onp
from numpy import random

# expect: numpy-nan-alias-removed
missing = onp.nan
# expect: numpy-product-removed
size = onp.prod((2, 3))
# ok: numpy-builtin-type-alias-removed
draw = random.int
