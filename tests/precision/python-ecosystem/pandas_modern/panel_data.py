"""Three-dimensional sensor data without Panel: a MultiIndex frame, sparse columns, `.at`."""
import numpy as np
import pandas as pd

SENSORS = ["s1", "s2", "s3"]


def build_readings(days: int = 30) -> pd.DataFrame:
    index = pd.MultiIndex.from_product(
        [SENSORS, pd.date_range("2024-01-01", periods=days, freq="D")],
        names=["sensor", "day"],
    )
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        {"temp": rng.normal(20, 2, len(index)), "alarms": rng.integers(0, 2, len(index))},
        index=index,
    )
    frame["alarms"] = frame["alarms"].astype(pd.SparseDtype("int64", 0))
    return frame


def by_sensor(readings: pd.DataFrame) -> pd.DataFrame:
    wide = readings["temp"].unstack("sensor")
    wide = wide.reindex(SENSORS, axis=1)
    wide = wide.T.groupby(["a", "a", "b"]).mean().T
    return wide


def patch_value(readings: pd.DataFrame) -> pd.DataFrame:
    readings = readings.copy()
    readings.at[("s1", pd.Timestamp("2024-01-02")), "temp"] = 21.5
    value = readings.at[("s1", pd.Timestamp("2024-01-02")), "temp"]
    assert value == 21.5
    readings.iat[0, 0] = 19.0
    return readings


def integer_view(readings: pd.DataFrame) -> pd.Series:
    days = readings.index.get_level_values("day").to_series()
    nanos = days.astype("int64")
    positions = nanos.to_numpy().nonzero()
    return nanos.iloc[positions[0]]


def summary(readings: pd.DataFrame) -> pd.Series:
    kinds = readings.dtypes.value_counts()
    sparse_cols = [c for c in readings.columns if isinstance(readings[c].dtype, pd.SparseDtype)]
    density = readings["alarms"].sparse.density
    single = pd.Series([True])
    flag = bool(single.item())
    return pd.Series({"kinds": len(kinds), "sparse": len(sparse_cols), "density": density, "flag": flag})


if __name__ == "__main__":
    data = build_readings()
    print(by_sensor(data).head())
    print(patch_value(data).head())
    print(integer_view(data).head())
    print(summary(data))
    with pd.option_context("display.max_rows", 20):
        print(data.sort_index().head())
