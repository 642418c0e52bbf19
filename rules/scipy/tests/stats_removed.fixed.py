# Statistics written for SciPy 1.x releases before the removals.
import numpy as np
import scipy.stats
from scipy import stats
import scipy.stats as ss
# expect: scipy-stats-binom-test-removed
from scipy.stats import binom_test

data = np.array([1, 2, 2, 3, 3, 3])
# expect: scipy-stats-binom-test-removed
p = binom_test(7, 20, 0.5)
# expect: scipy-stats-binom-test-removed
p2 = stats.binom_test(7, n=20)
# expect: scipy-stats-itemfreq-removed
freq = stats.itemfreq(data)
# expect: scipy-stats-median-absolute-deviation-removed
mad = scipy.stats.median_absolute_deviation(data)
# expect: scipy-stats-gilbrat-removed
g = stats.gibrat.pdf(1.0)
# expect: scipy-stats-frechet-removed
fr = stats.frechet_r(2.0)
# expect: scipy-stats-numerical-inverse-hermite-moved
sampler = ss.NumericalInverseHermite(stats.norm(), tol=1e-12)
# expect: scipy-stats-rvs-ratio-uniforms-removed
r = stats.rvs_ratio_uniforms(stats.norm.pdf, 1.0, -0.6, 0.6, size=10)
# expect: scipy-stats-trapz-removed
tz = ss.trapezoid(0.2, 0.8)
# expect: scipy-stats-find-repeats-removed
rep = stats.find_repeats(data)
