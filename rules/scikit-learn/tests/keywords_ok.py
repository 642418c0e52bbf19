from sklearn.calibration import CalibratedClassifierCV
from sklearn.cluster import AffinityPropagation, AgglomerativeClustering, KMeans, SpectralClustering
from sklearn.ensemble import AdaBoostClassifier, BaggingClassifier, GradientBoostingRegressor, RandomForestClassifier, RandomForestRegressor
from sklearn.linear_model import LinearRegression, LogisticRegression, SGDClassifier
from sklearn.metrics import make_scorer, mean_squared_error, roc_auc_score, root_mean_squared_error
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
import scipy.sparse


def build(sparse=True, normalize=False):
    return sparse, normalize


# ok: onehotencoder-sparse-removed
enc = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
# ok: onehotencoder-sparse-removed
enc2 = OneHotEncoder(categories=build(sparse=True))
# ok: onehotencoder-sparse-removed
flags = build(sparse=False, normalize=True)
# ok: base-estimator-removed
bag = BaggingClassifier(estimator=DecisionTreeClassifier(), n_estimators=10)
# ok: base-estimator-removed
cal = CalibratedClassifierCV(estimator=LogisticRegression(), cv=3)
# ok: linear-model-normalize-removed
lr = make_pipeline(StandardScaler(), LinearRegression())
# ok: lars-normalize-removed
x = scipy.sparse.random(3, 3).multiply(2)
# ok: logistic-regression-multi-class-deprecated
clf = LogisticRegression(max_iter=1000)
# ok: logistic-regression-penalty-none-removed
unpenalized = LogisticRegression(penalty=None)
# ok: logistic-regression-penalty-none-removed
l1 = LogisticRegression(penalty="l1", solver="saga")
# ok: mean-squared-error-squared-removed
rmse = root_mean_squared_error([1.0, 2.0], [1.5, 2.5])
# ok: mean-squared-error-squared-removed
mse = mean_squared_error([1.0, 2.0], [1.5, 2.5])
# ok: adaboost-samme-r-removed
ada = AdaBoostClassifier(n_estimators=50)
# ok: agglomerative-affinity-removed
agg = AgglomerativeClustering(n_clusters=3, metric="cosine", linkage="average")
# ok: agglomerative-affinity-removed
spec = SpectralClustering(n_clusters=3, affinity="nearest_neighbors")
# ok: agglomerative-affinity-removed
ap = AffinityPropagation(affinity="euclidean")
# ok: classifier-max-features-auto-removed
rfc = RandomForestClassifier(n_estimators=100, max_features="sqrt")
# ok: regressor-max-features-auto-removed
rfr = RandomForestRegressor(max_features=1.0)
# ok: criterion-mse-removed
dtr = DecisionTreeRegressor(criterion="squared_error")
# ok: criterion-mse-removed
gbr = GradientBoostingRegressor(criterion="friedman_mse", loss="squared_error")
# ok: loss-log-loss-renamed
sgdc = SGDClassifier(loss="log_loss")
# ok: loss-log-loss-renamed
sgdh = SGDClassifier(loss="hinge")
# ok: kmeans-n-jobs-removed
km = KMeans(n_clusters=8, n_init="auto")
# ok: kmeans-n-jobs-removed
search = GridSearchCV(KMeans(n_clusters=8), {"n_clusters": [2, 3]}, n_jobs=4)
# ok: make-scorer-needs-proba-removed
auc = make_scorer(roc_auc_score, response_method="predict_proba")
# ok: classifier-max-features-auto-removed
grid = GridSearchCV(RandomForestClassifier(), {"max_features": ["sqrt", "log2"]}, scoring="roc_auc")
# ok: criterion-mae-removed
dtr2 = DecisionTreeRegressor(criterion="absolute_error")
# ok: criterion-mae-removed
dtc = DecisionTreeClassifier(criterion="entropy")
# ok: loss-squared-error-renamed
gbr2 = GradientBoostingRegressor(loss="huber")
# ok: loss-absolute-error-renamed
gbr3 = GradientBoostingRegressor(loss="absolute_error")
# ok: loss-squared-error-renamed
sgdc2 = SGDClassifier(loss="squared_error", penalty="elasticnet")
