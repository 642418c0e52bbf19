"""Hypothesis tests, distributions and combinatorics with current SciPy."""
from math import comb as exact_comb

import numpy as np
from scipy import special, stats
from scipy.special import comb, factorial, logsumexp
from scipy.stats import binomtest, median_abs_deviation, trapezoid
from scipy.stats.sampling import NumericalInverseHermite


def coin_fairness(heads: int, flips: int) -> dict[str, float]:
    result = binomtest(heads, flips, p=0.5, alternative="two-sided")
    ci = result.proportion_ci(confidence_level=0.95)
    return {"pvalue": result.pvalue, "low": ci.low, "high": ci.high}


def robust_spread(x: np.ndarray) -> float:
    return float(median_abs_deviation(x, scale="normal"))


def frequencies(x: np.ndarray) -> dict[int, int]:
    values, counts = np.unique(x, return_counts=True)
    return dict(zip(values.tolist(), counts.tolist()))


def lottery_odds(n: int, k: int) -> float:
    assert comb(n, k, exact=True) == exact_comb(n, k)
    return 1.0 / comb(n, k, exact=True)


def log_partition(energies: np.ndarray, beta: float) -> float:
    return float(logsumexp(-beta * energies))


def beta_cdf(a: float, b: float, x: float) -> float:
    return float(special.betainc(a, b, x))


def spherical_harmonic(n: int, m: int, polar: float, azimuth: float) -> complex:
    return complex(special.sph_harm_y(n, m, polar, azimuth))


def fit_weibull(samples: np.ndarray) -> tuple[float, float, float]:
    return stats.weibull_min.fit(samples, floc=0)


def sampler(seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    gen = NumericalInverseHermite(stats.norm(), random_state=rng)
    return gen.rvs(10)


def compare_groups(a: np.ndarray, b: np.ndarray) -> float:
    res = stats.ttest_ind(a, b, equal_var=False)
    return float(res.pvalue)


def summary(x: np.ndarray) -> dict[str, float]:
    desc = stats.describe(x)
    return {
        "mean": float(desc.mean),
        "var": float(desc.variance),
        "skew": float(desc.skewness),
        "iqr": float(stats.iqr(x, scale=1)),
        "gmean": float(stats.gmean(np.abs(x) + 1.0)),
        "trap_pdf": float(trapezoid(0.2, 0.8).pdf(0.5)),
        "gibrat": float(stats.gibrat.pdf(1.0)),
        "fact5": float(factorial(5, exact=True)),
    }


if __name__ == "__main__":
    rng = np.random.default_rng(42)
    data = rng.normal(size=200)
    print(coin_fairness(60, 100))
    print(robust_spread(data))
    print(summary(data))
