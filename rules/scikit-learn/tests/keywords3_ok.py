from sklearn.ensemble import IsolationForest, RandomForestClassifier
from sklearn.metrics import precision_recall_curve
from sklearn.model_selection import GridSearchCV, cross_validate

# ok: min-impurity-split-removed
rf = RandomForestClassifier(n_estimators=100, min_impurity_decrease=0.0)
# ok: isolation-forest-behaviour-removed
iso = IsolationForest(contamination=0.05)
# ok: search-cv-fit-params-removed
search = GridSearchCV(rf, {"max_depth": [2, 3]})
# ok: search-cv-fit-params-removed
search.fit([[0.0], [1.0]], [0, 1], sample_weight=[1.0, 2.0])
# ok: precision-recall-curve-probas-pred-removed
precision, recall, thresholds = precision_recall_curve([0, 1, 1], y_score=[0.1, 0.8, 0.6])
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder

# ok: onehotencoder-categorical-features-removed
ct = ColumnTransformer([("onehot", OneHotEncoder(categories=[[0, 1, 2]]), [0])], remainder="passthrough")
