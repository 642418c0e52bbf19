# No NumPy import: a local object called np is not NumPy... but `np.X` with an
# unimported `np` is compared by its text, which is `np`, not `numpy`: not reported.
class Namespace:
    NaN = float("nan")
    float = float


np = Namespace()
# ok: numpy-nan-alias-removed
value = np.NaN
# ok: numpy-builtin-type-alias-removed
kind = np.float
