"""Demand forecasting helpers on NumPy 2."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray


def moving_average(values: NDArray[np.float64], window: int) -> NDArray[np.float64]:
    if window <= 0:
        raise ValueError("window must be positive")
    kernel = np.ones(window, dtype=np.float64) / window
    return np.convolve(values, kernel, mode="valid")


def clean(values: list[float | None]) -> NDArray[np.float64]:
    arr = np.array([np.nan if v is None else v for v in values], dtype=float)
    arr[np.isinf(arr)] = np.nan
    return np.nan_to_num(arr, nan=0.0, posinf=np.inf, neginf=-np.inf)


def growth_factor(rates: NDArray[np.float64]) -> float:
    return float(np.prod(1.0 + rates))


def cumulative_growth(rates: NDArray[np.float64]) -> NDArray[np.float64]:
    return np.cumprod(1.0 + rates)


def area_under_curve(y: NDArray[np.float64], dx: float = 1.0) -> float:
    return float(np.trapezoid(y, dx=dx))


def known_skus(candidates: NDArray[np.str_], catalogue: NDArray[np.str_]) -> NDArray[np.bool]:
    return np.isin(candidates, catalogue)


def stack_forecasts(*series: NDArray[np.float64]) -> NDArray[np.float64]:
    return np.vstack(series)


def summary(values: NDArray[np.float64]) -> dict[str, float | bool]:
    finite = values[np.isfinite(values)]
    return {
        "any_negative": bool(np.any(finite < 0)),
        "all_positive": bool(np.all(finite > 0)),
        "max": float(finite.max(initial=-np.inf)),
        "rounded_mean": float(np.round(finite.mean(), 2)) if finite.size else math.nan,
    }


def as_float(values: list[int]) -> NDArray[np.float64]:
    return np.asarray(values, dtype=np.float64)


def labels(n: int) -> NDArray[np.str_]:
    return np.array([f"W{i:02d}" for i in range(n)], dtype=np.str_)


def mask(n: int) -> NDArray[np.bool]:
    flags = np.zeros(n, dtype=np.bool)
    flags[::2] = True
    return flags


def complex_roots(coefficients: list[float]) -> NDArray[np.complex128]:
    return np.roots(coefficients).astype(np.complex128)


def seeded(seed: int = 7) -> np.random.Generator:
    return np.random.default_rng(seed)
