# pandas==2.2.3
# Task: store readings of several sensors over time as 3-D data and get one sensor's frame.
import numpy as np
import pandas as pd

dates = pd.date_range("2024-01-01", periods=10)
frames = {name: pd.DataFrame(np.random.randn(10, 2), index=dates, columns=["t", "h"]) for name in "abc"}
# deprecated: pandas.Panel
panel = pd.Panel(frames)
sensor_a = panel["a"]
# deprecated: pandas.TimeGrouper
weekly = sensor_a.groupby(pd.TimeGrouper("W")).mean()
# deprecated: pandas.DataFrame.get_value
first_t = sensor_a.get_value(dates[0], "t")
print(weekly, first_t)
