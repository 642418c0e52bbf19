# pandas==3.0.0
# Task: parse a whitespace-separated server log and count requests per status code.
import pandas as pd

# deprecated: read_csv(delim_whitespace=...)
log = pd.read_csv("access.log", delim_whitespace=True, header=None,
                  names=["ip", "ts", "method", "path", "status"])
# deprecated: pandas.value_counts
status_counts = pd.value_counts(log["status"])
# deprecated: pandas.DataFrame.first
first_hour = log.set_index(pd.to_datetime(log["ts"])).sort_index().first("1h")
print(status_counts, len(first_hour))
