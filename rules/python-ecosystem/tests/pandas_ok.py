# Modern pandas, and unrelated objects with the same method names, in a file that imports
# pandas: none of these are reported.
import datetime

import numpy as np
import pandas as pd
from statsmodels import robust

df = pd.DataFrame({"a": [1, 2, 3]})
frames = []
rows = []

# ok: dataframe-append-removed
frames.append(df)
# ok: dataframe-append-removed
rows.append({"a": 4})
# ok: dataframe-append-removed
index = df.index.append(pd.Index([10]))
# ok: dataframe-append-removed
df = pd.concat([df, pd.DataFrame(rows)], ignore_index=True)

# ok: iteritems-removed
for name, column in df.items():
    pass
# ok: is-monotonic-removed
ordered = df.index.is_monotonic_increasing
# ok: is-monotonic-removed
falling = df.index.is_monotonic_decreasing
# ok: pandas-datetime-removed
today = datetime.datetime.now()
# ok: pandas-np-removed
missing = np.nan
# ok: to-csv-line-terminator-removed
df.to_csv("out.csv", lineterminator="\n")
# ok: to-csv-line-terminator-removed
writer_options = dict(line_terminator="\n")
# ok: read-csv-squeeze-removed
ids = pd.read_csv("ids.csv").squeeze("columns")
# ok: read-csv-squeeze-removed
arr = np.squeeze(np.ones((1, 3)))
# ok: read-csv-bad-lines-removed
raw = pd.read_csv("raw.csv", on_bad_lines="skip")
# ok: mad-removed
spread = (df["a"] - df["a"].mean()).abs().mean()
# ok: mad-removed
robust_spread = robust.mad(df["a"].to_numpy())
# ok: mad-removed
robust_spread = robust.scale.mad(df["a"], c=1.0)
# ok: numeric-index-classes-removed
idx = pd.Index([1, 2, 3], dtype="int64")
# ok: applymap-removed
clean = df.map(lambda v: v * 2)
# ok: fillna-method-ffill-removed
filled = df.ffill()
# ok: fillna-method-ffill-removed
filled = df.fillna(0)
# ok: fillna-method-bfill-removed
filled = df.fillna(value={"a": 0}, limit=1)
