# pandas==2.2.3
# Task: load daily stock prices and add 20-day moving average and volatility columns.
import pandas as pd

prices = pd.read_csv("prices.csv", index_col="date", parse_dates=True)
# deprecated: pandas.DataFrame.sort
prices = prices.sort("date")
# deprecated: pandas.rolling_mean
prices["ma20"] = pd.rolling_mean(prices["close"], 20)
# deprecated: pandas.rolling_std
prices["vol20"] = pd.rolling_std(prices["close"], 20)
# deprecated: pandas.ewma
prices["ewm10"] = pd.ewma(prices["close"], span=10)
# deprecated: pandas.DataFrame.ix
print(prices.ix[-5:, ["close", "ma20", "vol20"]])
