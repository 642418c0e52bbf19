# No MongoDB import: dicts with MongoDB-looking keys are not reported by the mongodb rules.
import pandas as pd

# ok: mongodb--where-operator-deprecated
rules = {"$where": "anything"}
# ok: mongodb--map-reduce-deprecated
remote.command("mapReduce", "orders")
