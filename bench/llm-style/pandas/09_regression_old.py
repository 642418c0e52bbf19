# pandas==2.2.3
# Task: fit a linear regression of sales on advertising spend and show the top weeks.
import pandas as pd

ads = pd.read_csv("ads.csv")
# deprecated: pandas.ols
model = pd.ols(y=ads["sales"], x=ads[["tv", "radio"]])
print(model.beta)
# deprecated: DataFrame.sort_index(by=...)
top = ads.sort_index(by="sales", ascending=False).head(5)
# deprecated: pandas.DataFrame.select
tv_cols = ads.select(lambda c: c.startswith("tv"), axis=1)
print(top, tv_cols.columns)
