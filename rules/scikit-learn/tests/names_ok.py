import numpy as np
import sklearn
from sklearn import metrics
from sklearn.covariance import GraphicalLasso, graphical_lasso
from sklearn.datasets import fetch_california_housing, fetch_openml
from sklearn.impute import SimpleImputer
from sklearn.inspection import PartialDependenceDisplay
from sklearn.metrics import (
    ConfusionMatrixDisplay,
    DistanceMetric,
    RocCurveDisplay,
    calinski_harabasz_score,
    get_scorer,
    get_scorer_names,
    jaccard_score,
)
from sklearn.utils.metaestimators import available_if


class Imputer:
    """The project's own imputer."""

    def __init__(self, strategy):
        self.strategy = strategy


def load_boston():
    return np.zeros((3, 3))


# ok: preprocessing-imputer-removed
own = Imputer(strategy="mean")
# ok: preprocessing-imputer-removed
imp = SimpleImputer(missing_values=np.nan, strategy="mean")
# ok: load-boston-removed
data = load_boston()
# ok: load-boston-removed
housing = fetch_california_housing()
# ok: fetch-mldata-removed
mnist = fetch_openml("mnist_784", version=1)
# ok: graph-lasso-removed
model = GraphicalLasso(alpha=0.1)
# ok: graph-lasso-removed
cov, prec = graphical_lasso(np.eye(3), alpha=0.1)
# ok: jaccard-similarity-score-removed
j = jaccard_score([0, 1], [0, 1])
# ok: plot-confusion-matrix-removed
ConfusionMatrixDisplay.from_estimator(model, [[0]], [0])
# ok: plot-roc-curve-removed
RocCurveDisplay.from_predictions([0, 1], [0.2, 0.8])
# ok: plot-precision-recall-curve-removed
metrics.PrecisionRecallDisplay.from_estimator(model, [[0]], [0])
# ok: plot-det-curve-removed
metrics.DetCurveDisplay.from_estimator(model, [[0]], [0])
# ok: plot-partial-dependence-removed
PartialDependenceDisplay.from_estimator(model, [[0]], [0])
# ok: metrics-scorers-removed
names = sorted(get_scorer_names())
# ok: metrics-scorers-removed
scorer = get_scorer("roc_auc")
# ok: neighbors-distance-metric-removed
dm = DistanceMetric.get_metric("haversine")
# ok: calinski-harabaz-score-removed
s = calinski_harabasz_score(np.eye(3), [0, 1, 1])
# ok: safe-indexing-removed
rows = np.eye(3)[[0, 1]]
# ok: graph-shortest-path-removed
from scipy.sparse.csgraph import shortest_path
# ok: if-delegate-has-method-removed
check = available_if(lambda self: True)
