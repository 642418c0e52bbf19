"""Clustering, ensembles and calibration on current scikit-learn."""

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.cluster import AgglomerativeClustering, KMeans, SpectralClustering
from sklearn.datasets import fetch_california_housing, fetch_openml, load_diabetes, make_blobs
from sklearn.ensemble import (
    AdaBoostClassifier,
    BaggingClassifier,
    ExtraTreesClassifier,
    GradientBoostingClassifier,
    GradientBoostingRegressor,
    RandomForestClassifier,
)
from sklearn.inspection import PartialDependenceDisplay, partial_dependence
from sklearn.linear_model import SGDClassifier, SGDRegressor
from sklearn.metrics import DistanceMetric, calinski_harabasz_score, jaccard_score, silhouette_score
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor


def cluster(n_clusters: int = 4):
    X, _ = make_blobs(n_samples=500, centers=n_clusters, random_state=0)
    labels = {
        "kmeans": KMeans(n_clusters=n_clusters, n_init="auto", random_state=0).fit_predict(X),
        "agglomerative": AgglomerativeClustering(
            n_clusters=n_clusters, metric="manhattan", linkage="average"
        ).fit_predict(X),
        "spectral": SpectralClustering(
            n_clusters=n_clusters, affinity="nearest_neighbors", random_state=0
        ).fit_predict(X),
    }
    for name, y in labels.items():
        print(name, silhouette_score(X, y), calinski_harabasz_score(X, y))
    haversine = DistanceMetric.get_metric("haversine")
    return labels, haversine


def ensembles(X, y):
    models = [
        BaggingClassifier(estimator=DecisionTreeClassifier(max_depth=4), n_estimators=50),
        AdaBoostClassifier(estimator=DecisionTreeClassifier(max_depth=1), n_estimators=100),
        RandomForestClassifier(n_estimators=200, max_features="sqrt", criterion="gini"),
        ExtraTreesClassifier(max_features="log2"),
        GradientBoostingClassifier(loss="log_loss", criterion="friedman_mse"),
        SGDClassifier(loss="log_loss", penalty="elasticnet", max_iter=1000),
        CalibratedClassifierCV(estimator=SGDClassifier(loss="hinge"), cv=3),
    ]
    for model in models:
        model.fit(X, y)
    return models


def regression_models():
    X, y = fetch_california_housing(return_X_y=True, as_frame=True)
    gbr = GradientBoostingRegressor(loss="squared_error", max_features=1.0).fit(X, y)
    tree = DecisionTreeRegressor(criterion="absolute_error", max_depth=5).fit(X, y)
    sgd = SGDRegressor(loss="squared_error").fit(X, y)
    pd_result = partial_dependence(gbr, X, features=["MedInc"])
    PartialDependenceDisplay.from_estimator(gbr, X, features=["MedInc", "AveRooms"])
    return gbr, tree, sgd, pd_result


def small_data():
    X, y = load_diabetes(return_X_y=True)
    mnist = fetch_openml("mnist_784", version=1, as_frame=False, parser="auto")
    labels_true = np.array([0, 1, 1, 0])
    labels_pred = np.array([0, 1, 0, 0])
    return X, y, mnist, jaccard_score(labels_true, labels_pred, average="binary")


def embed(X):
    from sklearn.manifold import TSNE
    from sklearn.model_selection import RandomizedSearchCV
    from sklearn.svm import SVC

    km = KMeans(n_clusters=5, algorithm="elkan", n_init="auto").fit(X)
    emb = TSNE(n_components=2, perplexity=30.0, max_iter=1000, init="pca").fit_transform(X)
    search = RandomizedSearchCV(SVC(), {"C": [0.1, 1, 10]}, n_iter=3, cv=3, n_jobs=2)
    return km.labels_, emb, search
