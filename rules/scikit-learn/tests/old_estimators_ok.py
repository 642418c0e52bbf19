from sklearn.decomposition import PCA
from sklearn.inspection import partial_dependence
from sklearn.mixture import BayesianGaussianMixture, GaussianMixture
from sklearn.neighbors import NearestNeighbors


class GMM:
    """The project's own mixture model."""


# ok: mixture-gmm-removed
gm = GaussianMixture(n_components=3)
# ok: mixture-gmm-removed
own = GMM()
# ok: mixture-gmm-removed
bgm = BayesianGaussianMixture(weight_concentration_prior_type="dirichlet_process")
# ok: randomized-pca-removed
pca = PCA(n_components=10, svd_solver="randomized")
# ok: lsh-forest-removed
nn = NearestNeighbors(n_neighbors=5)
# ok: ensemble-partial-dependence-removed
result = partial_dependence(nn, [[0.0]], [0])
