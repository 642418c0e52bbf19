# scipy==1.14.1
# Task: test whether a coin is fair and report a robust spread of some measurements.
import numpy as np
from scipy import stats

result = stats.binomtest(62, n=100, p=0.5)
print("p-value:", result.pvalue)
ci = result.proportion_ci(confidence_level=0.95)
print("95% CI:", ci.low, ci.high)

measurements = np.random.default_rng(0).normal(10, 2, size=500)
mad = stats.median_abs_deviation(measurements, scale="normal")
print("MAD (normal-consistent):", mad)
