import sklearn
from sklearn import ensemble, linear_model
from sklearn.calibration import CalibratedClassifierCV
from sklearn.cluster import AgglomerativeClustering, FeatureAgglomeration, KMeans
from sklearn.ensemble import (
    AdaBoostClassifier,
    BaggingClassifier,
    GradientBoostingClassifier,
    GradientBoostingRegressor,
    HistGradientBoostingClassifier,
    HistGradientBoostingRegressor,
    RandomForestClassifier,
    RandomForestRegressor,
)
from sklearn.linear_model import LassoLars, LinearRegression, LogisticRegression, Ridge, SGDClassifier, SGDRegressor
from sklearn.metrics import make_scorer, mean_squared_error, roc_auc_score
from sklearn.preprocessing import OneHotEncoder
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

# expect: onehotencoder-sparse-removed
enc = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
# expect: onehotencoder-sparse-removed
enc2 = sklearn.preprocessing.OneHotEncoder(sparse_output=True, dtype=int)
# expect: base-estimator-removed
bag = BaggingClassifier(estimator=DecisionTreeClassifier(), n_estimators=10)
# expect: base-estimator-removed
ada = ensemble.AdaBoostRegressor(estimator=DecisionTreeRegressor(max_depth=3))
# expect: base-estimator-removed
cal = CalibratedClassifierCV(estimator=LogisticRegression(), cv=3)
# expect: linear-model-normalize-removed
lr = LinearRegression(normalize=True)
# expect: linear-model-normalize-removed
ridge = linear_model.Ridge(alpha=1.0, normalize=False)
# expect: lars-normalize-removed
lars = LassoLars(alpha=0.1, normalize=True)
# expect: logistic-regression-multi-class-deprecated
clf = LogisticRegression(multi_class="multinomial", max_iter=1000)
# expect: logistic-regression-penalty-none-removed
unpenalized = LogisticRegression(penalty=None)
# expect: mean-squared-error-squared-removed
rmse = mean_squared_error([1.0, 2.0], [1.5, 2.5], squared=False)
# expect: mean-squared-error-squared-removed
rmsle = sklearn.metrics.mean_squared_log_error([1.0, 2.0], [1.5, 2.5], squared=False)
# expect: adaboost-samme-r-removed
ada2 = AdaBoostClassifier(n_estimators=50, algorithm="SAMME.R")
# expect: agglomerative-affinity-removed
agg = AgglomerativeClustering(n_clusters=3, metric="cosine", linkage="average")
# expect: agglomerative-affinity-removed
fa = FeatureAgglomeration(metric="manhattan", linkage="complete")
# expect: classifier-max-features-auto-removed
rfc = RandomForestClassifier(n_estimators=100, max_features="sqrt")
# expect: classifier-max-features-auto-removed
dtc = DecisionTreeClassifier(max_features="sqrt")
# expect: regressor-max-features-auto-removed
rfr = RandomForestRegressor(max_features=1.0, n_jobs=-1)
# expect: criterion-mse-removed
dtr = DecisionTreeRegressor(criterion="squared_error")
# expect: criterion-mse-removed
gbr0 = GradientBoostingRegressor(criterion="squared_error")
# expect: criterion-mae-removed
rfr2 = RandomForestRegressor(criterion="absolute_error")
# expect: loss-squared-error-renamed
sgd = SGDRegressor(loss="squared_error", penalty="l2")
# expect: loss-squared-error-renamed
gbr = GradientBoostingRegressor(loss="squared_error")
# expect: loss-squared-error-renamed
hgbr = HistGradientBoostingRegressor(loss="squared_error")
# expect: loss-absolute-error-renamed
gbr2 = GradientBoostingRegressor(loss="absolute_error")
# expect: loss-log-loss-renamed
sgdc = SGDClassifier(loss="log_loss", max_iter=1000)
# expect: loss-log-loss-renamed
gbc = GradientBoostingClassifier(loss="log_loss")
# expect: loss-log-loss-renamed
hgbc = HistGradientBoostingClassifier(loss="log_loss")
# expect: kmeans-n-jobs-removed
km = KMeans(n_clusters=8, n_jobs=4)
# expect: kmeans-n-jobs-removed
km2 = KMeans(n_clusters=8, precompute_distances=True)
# expect: make-scorer-needs-proba-removed
auc = make_scorer(roc_auc_score, needs_proba=True)
# expect: make-scorer-needs-proba-removed
auc2 = make_scorer(roc_auc_score, needs_threshold=True)
