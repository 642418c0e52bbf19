# Names imported from scipy.integrate.
import numpy as np
# expect: scipy-integrate-removed-name-imported
from scipy.integrate import simps
# expect: scipy-integrate-removed-name-imported
from scipy.integrate import trapz, quad

y = np.arange(5.0)
# expect: scipy-integrate-removed-name-imported
area = simps(y)
# expect: scipy-integrate-removed-name-imported
area2 = trapz(y)
value, _ = quad(np.sin, 0, 1)
