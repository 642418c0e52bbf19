# A file that does not import pandas: list-like helpers with the same names are not
# reported.
from mylib.frames import Table

table = Table()
# ok: dataframe-append-removed
table.append({"a": 1}, ignore_index=True)
# ok: iteritems-removed
for k, v in table.iteritems():
    pass
# ok: applymap-removed
table.applymap(str)
