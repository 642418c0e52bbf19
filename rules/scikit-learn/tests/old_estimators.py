import sklearn
from sklearn import mixture
# expect: mixture-gmm-removed
from sklearn.mixture import GMM
# expect: randomized-pca-removed
from sklearn.decomposition import RandomizedPCA
# expect: lsh-forest-removed
from sklearn.neighbors import LSHForest
# expect: ensemble-partial-dependence-removed
from sklearn.ensemble.partial_dependence import plot_partial_dependence
# expect: ensemble-partial-dependence-removed
from sklearn.ensemble import partial_dependence

# expect: mixture-gmm-removed
gmm = GMM(n_components=3, covariance_type="full")
# expect: mixture-gmm-removed
dp = mixture.DPGMM(n_components=5)
# expect: randomized-pca-removed
pca = RandomizedPCA(n_components=10, whiten=True)
# expect: lsh-forest-removed
lsh = LSHForest(random_state=42)
