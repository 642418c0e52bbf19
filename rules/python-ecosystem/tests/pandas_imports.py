# The names removed in pandas 2.0, imported directly: the import line is reported.
# expect: numeric-index-classes-removed
from pandas import Int64Index
# expect: pandas-datetime-removed
from pandas import datetime as pd_datetime

# ok: numeric-index-classes-removed
index = Int64Index([1, 2])
# ok: pandas-datetime-removed
when = pd_datetime(2020, 1, 1)
