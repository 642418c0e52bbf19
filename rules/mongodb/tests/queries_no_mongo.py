# No MongoDB import: pandas' eval and dicts with MongoDB-looking keys are not reported.
import pandas as pd

df = pd.DataFrame({"a": [1], "b": [2]})
# ok: eval-command-removed
df.eval("a + b")
# ok: where-operator-deprecated
rules = {"$where": "anything"}
# ok: skip-deep-pagination
items = paginator.find(query).skip((page - 1) * size)
