# pandas 0.2x code removed in pandas 1.0 (pandas_legacy.yaml).
import pandas as pd
# expect: sparse-frame-classes-removed
from pandas import SparseDataFrame

df = pd.read_csv("prices.csv")
s = pd.Series([1.0, -2.0, 3.0])

# expect: ix-indexer-removed
first = df.ix[0]
# expect: ix-indexer-removed
df.ix[0, "close"] = 1.0


def lookup(frame):
    # expect: ix-indexer-removed
    return frame.ix[1:3, ["a", "b"]]


# expect: as-matrix-removed
X = df.to_numpy()
# expect: get-set-value-removed
price = df.get_value(0, "close")
# expect: get-set-value-removed
df.set_value(0, "close", 2.0)
# expect: compound-removed
total = s.compound()
# expect: sort-index-by-removed
ranked = df.sort_index(by="close", ascending=False)
# expect: series-ptp-removed
spread = s.ptp()
# expect: series-nonzero-removed
hits = s.to_numpy().nonzero()
# expect: series-real-imag-removed
re = s.real
# expect: series-real-imag-removed
im = s.imag
# expect: series-valid-removed
clean = s.dropna()
# expect: ftypes-removed
kinds = df.ftypes
# expect: get-dtype-counts-removed
counts = df.dtypes.value_counts()
# expect: clip-upper-removed
capped = s.clip(upper=2.0)
# expect: clip-lower-removed
floored = s.clip(lower=0, axis=0)
# expect: sparse-frame-classes-removed
sp = pd.SparseSeries([0, 0, 1])
# expect: to-sparse-removed
sdf = df.to_sparse(fill_value=0)
