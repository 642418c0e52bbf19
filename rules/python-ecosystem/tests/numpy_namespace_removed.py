# NumPy 1.x namespace members removed in NumPy 2.0.
import numpy as np

a = np.arange(4.0)
b = a

# expect: numpy-geterrobj-removed
obj = np.geterrobj()
# expect: numpy-seterrobj-removed
np.seterrobj([8192, 0, None])
# expect: numpy-source-removed
np.source(np.mean)
# expect: numpy-lookfor-removed
np.lookfor("fft")
# expect: numpy-who-removed
np.who()
# expect: numpy-fast-copy-and-transpose-removed
t = np.fastCopyAndTranspose(a)
# expect: numpy-set-numeric-ops-removed
np.set_numeric_ops(add=my_add)
# expect: numpy-add-docstring-removed
np.add_docstring(f, "doc")
# expect: numpy-add-newdoc-ufunc-removed
np.add_newdoc_ufunc(uf, "doc")
# expect: numpy-safe-eval-removed
v = np.safe_eval("[1, 2]")
# expect: numpy-longfloat-removed
x = np.longfloat(1)
# expect: numpy-singlecomplex-removed
c = np.zeros(2, dtype=np.singlecomplex)
# expect: numpy-longcomplex-removed
c = np.zeros(2, dtype=np.longcomplex)
# expect: numpy-clongfloat-removed
c = np.zeros(2, dtype=np.clongfloat)
# expect: numpy-issctype-removed
ok = np.issctype(np.float64)
# expect: numpy-maximum-sctype-removed
big = np.maximum_sctype(np.float32)
# expect: numpy-obj2sctype-removed
t = np.obj2sctype(a)
# expect: numpy-sctype2char-removed
ch = np.sctype2char(np.float64)
# expect: numpy-sctypes-removed
ints = np.sctypes["int"]
# expect: numpy-set-string-function-removed
np.set_string_function(repr_fn)
# expect: numpy-asfarray-removed
f = np.asfarray([1, 2])
# expect: numpy-issubclass-removed
sub = np.issubclass_(int, object)
# expect: numpy-tracemalloc-domain-removed
dom = np.tracemalloc_domain
# expect: numpy-mat-removed
m = np.mat([[1, 2], [3, 4]])
# expect: numpy-recfromcsv-removed
rec = np.recfromcsv("data.csv")
# expect: numpy-recfromtxt-removed
rec = np.recfromtxt("data.txt")
# expect: numpy-deprecate-removed
old = np.deprecate(new_fn)
# expect: numpy-deprecate-with-doc-removed
old = np.deprecate_with_doc("use new")(new_fn)
# expect: numpy-disp-removed
np.disp("hello")
# expect: numpy-find-common-type-removed
t = np.find_common_type([np.int8], [np.float32])
# expect: numpy-data-source-removed
ds = np.DataSource("/tmp")
# expect: numpy-nbytes-removed
size = np.nbytes[np.float64]
# expect: numpy-byte-bounds-removed
lo, hi = np.byte_bounds(a)
# expect: numpy-compare-chararrays-removed
eq = np.compare_chararrays(a, b, "==", True)
# expect: numpy-format-parser-removed
p = np.format_parser(["i4"], ["x"], [])
# expect: numpy-int0-removed
i = np.zeros(2, dtype=np.int0)
# expect: numpy-uint0-removed
u = np.zeros(2, dtype=np.uint0)
# expect: numpy-bool8-removed
b = np.zeros(2, dtype=np.bool8)
# expect: numpy-object0-removed
o = np.empty(2, dtype=np.object0)
# expect: numpy-str0-removed
s = np.str0("x")
# expect: numpy-bytes0-removed
y = np.bytes0(b"x")
# expect: numpy-void0-removed
v = np.void0(b"x")
