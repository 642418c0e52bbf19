# pandas==2.2.3
# Task: write a helper that reports the kind of each column of a DataFrame.
import pandas as pd


def column_kinds(df):
    kinds = {}
    for name, col in df.items():
        # deprecated: pandas.api.types.is_categorical_dtype
        if pd.api.types.is_categorical_dtype(col):
            kinds[name] = "category"
        # deprecated: pandas.api.types.is_datetime64tz_dtype
        elif pd.api.types.is_datetime64tz_dtype(col):
            kinds[name] = "datetime-tz"
        elif pd.api.types.is_numeric_dtype(col):
            kinds[name] = "number"
        else:
            kinds[name] = "other"
    return kinds
