# pandas==3.0.0
# Task: summarise a DataFrame's columns: dtype, missing values and a sparse flag.
import pandas as pd


def summarise(df: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for name, col in df.items():
        rows.append({
            "column": name,
            "dtype": str(col.dtype),
            "categorical": isinstance(col.dtype, pd.CategoricalDtype),
            "sparse": isinstance(col.dtype, pd.SparseDtype),
            "missing": int(col.isna().sum()),
        })
    return pd.DataFrame(rows).sort_values("missing", ascending=False)


print(summarise(pd.DataFrame({"a": [1, None], "b": pd.Categorical(["x", "y"])})).T)
