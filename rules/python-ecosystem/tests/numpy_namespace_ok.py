# Modern NumPy and look-alikes: none of these are the removed namespace members.
import numpy as np

class Registry:
    mat = None
    who = None
    sctypes = {}

def asfarray(x):
    return x

reg = Registry()
# ok: numpy-geterrobj-removed
value = reg.geterrobj
# ok: numpy-seterrobj-removed
value = reg.seterrobj
# ok: numpy-source-removed
value = reg.source
# ok: numpy-lookfor-removed
value = reg.lookfor
# ok: numpy-who-removed
value = reg.who
# ok: numpy-fast-copy-and-transpose-removed
value = reg.fastCopyAndTranspose
# ok: numpy-set-numeric-ops-removed
value = reg.set_numeric_ops
# ok: numpy-add-docstring-removed
value = reg.add_docstring
# ok: numpy-add-newdoc-ufunc-removed
value = reg.add_newdoc_ufunc
# ok: numpy-safe-eval-removed
value = reg.safe_eval
# ok: numpy-longfloat-removed
value = reg.longfloat
# ok: numpy-singlecomplex-removed
value = reg.singlecomplex
# ok: numpy-longcomplex-removed
value = reg.longcomplex
# ok: numpy-clongfloat-removed
value = reg.clongfloat
# ok: numpy-issctype-removed
value = reg.issctype
# ok: numpy-maximum-sctype-removed
value = reg.maximum_sctype
# ok: numpy-obj2sctype-removed
value = reg.obj2sctype
# ok: numpy-sctype2char-removed
value = reg.sctype2char
# ok: numpy-sctypes-removed
value = reg.sctypes
# ok: numpy-set-string-function-removed
value = reg.set_string_function
# ok: numpy-asfarray-removed
value = asfarray([1])
# ok: numpy-issubclass-removed
value = reg.issubclass_
# ok: numpy-tracemalloc-domain-removed
value = reg.tracemalloc_domain
# ok: numpy-mat-removed
value = reg.mat
# ok: numpy-recfromcsv-removed
value = reg.recfromcsv
# ok: numpy-recfromtxt-removed
value = reg.recfromtxt
# ok: numpy-deprecate-removed
value = reg.deprecate
# ok: numpy-deprecate-with-doc-removed
value = reg.deprecate_with_doc
# ok: numpy-disp-removed
value = reg.disp
# ok: numpy-find-common-type-removed
value = reg.find_common_type
# ok: numpy-data-source-removed
value = reg.DataSource
# ok: numpy-nbytes-removed
value = reg.nbytes
# ok: numpy-byte-bounds-removed
value = reg.byte_bounds
# ok: numpy-compare-chararrays-removed
value = reg.compare_chararrays
# ok: numpy-format-parser-removed
value = reg.format_parser
# ok: numpy-int0-removed
value = reg.int0
# ok: numpy-uint0-removed
value = reg.uint0
# ok: numpy-bool8-removed
value = reg.bool8
# ok: numpy-object0-removed
value = reg.object0
# ok: numpy-str0-removed
value = reg.str0
# ok: numpy-bytes0-removed
value = reg.bytes0
# ok: numpy-void0-removed
value = reg.void0
# ok: numpy-mat-removed
m = np.asmatrix([[1, 2]])
# ok: numpy-safe-eval-removed
text = "np.safe_eval is gone"
# ok: numpy-int0-removed
i = np.intp(3)
