import numpy as np
import sklearn
from sklearn import datasets, metrics
import sklearn.metrics as skm
# expect: preprocessing-imputer-removed
from sklearn.preprocessing import Imputer, StandardScaler
# expect: fetch-mldata-removed
from sklearn.datasets import fetch_mldata
# expect: graph-lasso-removed
from sklearn.covariance import GraphLasso
# expect: jaccard-similarity-score-removed
from sklearn.metrics import jaccard_similarity_score
# expect: load-boston-removed
from sklearn.datasets import load_boston
# expect: plot-confusion-matrix-removed
from sklearn.metrics import plot_confusion_matrix
# expect: plot-roc-curve-removed
from sklearn.metrics import plot_roc_curve
# expect: plot-precision-recall-curve-removed
from sklearn.metrics import plot_precision_recall_curve
# expect: plot-partial-dependence-removed
from sklearn.inspection import plot_partial_dependence
# expect: if-delegate-has-method-removed
from sklearn.utils.metaestimators import if_delegate_has_method
# expect: neighbors-distance-metric-removed
from sklearn.neighbors import DistanceMetric
# expect: calinski-harabaz-score-removed
from sklearn.metrics import calinski_harabaz_score

# expect: preprocessing-imputer-removed
imp = Imputer(missing_values="NaN", strategy="mean", axis=0)
# expect: preprocessing-imputer-removed
imp2 = sklearn.preprocessing.Imputer()
# expect: fetch-mldata-removed
mnist = fetch_mldata("MNIST original")
# expect: graph-lasso-removed
model = GraphLasso(alpha=0.1)
# expect: graph-lasso-removed
cov, prec = sklearn.covariance.graph_lasso(np.eye(3), alpha=0.1)
# expect: jaccard-similarity-score-removed
j = jaccard_similarity_score([0, 1], [0, 1])
# expect: load-boston-removed
boston = load_boston()
# expect: load-boston-removed
boston2 = datasets.load_boston()
# expect: plot-confusion-matrix-removed
plot_confusion_matrix(model, [[0]], [0])
# expect: plot-roc-curve-removed
plot_roc_curve(model, [[0]], [0])
# expect: plot-precision-recall-curve-removed
plot_precision_recall_curve(model, [[0]], [0])
# expect: plot-det-curve-removed
metrics.plot_det_curve(model, [[0]], [0])
# expect: plot-partial-dependence-removed
plot_partial_dependence(model, [[0]], [0])
# expect: graph-shortest-path-removed
dist = sklearn.utils.graph.graph_shortest_path(np.eye(3))
# expect: metrics-scorers-removed
names = sorted(metrics.SCORERS.keys())
# expect: metrics-scorers-removed
scorer = skm.SCORERS["roc_auc"]
# expect: safe-indexing-removed
rows = sklearn.utils.safe_indexing(np.eye(3), [0, 1])
# expect: neighbors-distance-metric-removed
dm = DistanceMetric.get_metric("haversine")
# expect: calinski-harabaz-score-removed
s1 = calinski_harabaz_score(np.eye(3), [0, 1, 1])
# expect: calinski-harabaz-score-removed
s2 = metrics.calinski_harabaz_score(np.eye(3), [0, 1, 1])
# expect: calinski-harabaz-score-removed
s3 = skm.calinski_harabaz_score(np.eye(3), [0, 1, 1])


class Wrapper:
    # expect: if-delegate-has-method-removed
    @if_delegate_has_method(delegate="estimator")
    def predict(self, X):
        return X
