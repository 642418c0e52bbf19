# scipy==1.14.1
# Task: test whether a coin is fair, count value frequencies and compute the MAD.
import numpy as np
import scipy.stats as st

# deprecated: scipy.stats.binom_test
p = st.binom_test(62, n=100, p=0.5)
data = np.array([1, 2, 2, 3, 3, 3])
# deprecated: scipy.stats.itemfreq
freq = st.itemfreq(data)
# deprecated: scipy.stats.median_absolute_deviation
mad = st.median_absolute_deviation(data)
print(p, freq, mad)
