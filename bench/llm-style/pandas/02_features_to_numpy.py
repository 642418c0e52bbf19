# pandas==2.2.3
# Task: turn a feature table into a NumPy matrix for scikit-learn, clipping outliers.
import numpy as np
import pandas as pd

df = pd.read_csv("features.csv")
# deprecated: pandas.DataFrame.convert_objects
df = df.convert_objects(convert_numeric=True)
# deprecated: pandas.Series.clip_upper
df["income"] = df["income"].clip_upper(250_000)
# deprecated: pandas.Series.clip_lower
df["age"] = df["age"].clip_lower(0)
# deprecated: pandas.DataFrame.as_matrix
X = df[["age", "income"]].as_matrix()
y = df["label"].values
print(X.shape, y.mean())
