# pandas==2.2.3
# Task: clean a customer table and summarise spend per region and month.
import numpy as np
import pandas as pd

customers = pd.read_csv("customers.csv", parse_dates=["signup"], date_format="%Y-%m-%d")
customers = customers.replace([np.inf, -np.inf], np.nan).dropna(subset=["spend"])
customers["spend"] = customers["spend"].clip(lower=0)
monthly = (
    customers.set_index("signup")
    .groupby([pd.Grouper(freq="ME"), "region"])["spend"]
    .sum()
    .unstack("region")
)
top = customers["region"].value_counts().head(3)
print(monthly.tail(), top, customers.loc[customers["spend"] > 100, ["name", "spend"]])
