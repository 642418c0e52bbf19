# pandas==2.2.3
# Task: compute rolling statistics of web traffic and flag anomalies.
import pandas as pd

traffic = pd.read_csv("traffic.csv", parse_dates=["ts"]).set_index("ts").sort_index()
hits = traffic["hits"]
stats = pd.DataFrame(
    {
        "mean": hits.rolling(window=24, min_periods=1).mean(),
        "std": hits.rolling(window=24, min_periods=1).std(),
        "ewm": hits.ewm(span=12).mean(),
    }
)
stats["anomaly"] = (hits - stats["mean"]).abs() > 3 * stats["std"]
for ts, row in stats[stats["anomaly"]].iterrows():
    print(ts, row["mean"])
print(stats.at[stats.index[0], "mean"], stats.iloc[-1])
