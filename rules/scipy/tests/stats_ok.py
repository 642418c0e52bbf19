# Modern scipy.stats code and look-alikes.
import numpy as np
from scipy import stats, integrate
from scipy.stats import binomtest, median_abs_deviation
from scipy.stats.sampling import NumericalInverseHermite, RatioUniforms

data = np.array([1, 2, 2, 3, 3, 3])
# ok: scipy-stats-binom-test-removed
p = binomtest(7, 20, 0.5).pvalue
# ok: scipy-stats-itemfreq-removed
values, counts = np.unique(data, return_counts=True)
# ok: scipy-stats-median-absolute-deviation-removed
mad = median_abs_deviation(data, scale="normal")
# ok: scipy-stats-gilbrat-removed
g = stats.gibrat.pdf(1.0)
# ok: scipy-stats-frechet-removed
fr = stats.weibull_min(2.0)
# ok: scipy-stats-numerical-inverse-hermite-moved
sampler = NumericalInverseHermite(stats.norm(), u_resolution=1e-12)
# ok: scipy-stats-rvs-ratio-uniforms-removed
gen = RatioUniforms(stats.norm.pdf, umax=1.0, vmin=-0.6, vmax=0.6)
# ok: scipy-stats-trapz-removed
tz = stats.trapezoid(0.2, 0.8)
# ok: scipy-stats-trapz-removed
area = np.trapezoid(data)
# ok: scipy-stats-find-repeats-removed
repeated = values[counts > 1]
