from sklearn.ensemble import GradientBoostingClassifier, IsolationForest, RandomForestClassifier
from sklearn.metrics import precision_recall_curve
from sklearn.model_selection import GridSearchCV
from sklearn.tree import DecisionTreeClassifier

# expect: min-impurity-split-removed
rf = RandomForestClassifier(n_estimators=100, min_impurity_split=1e-7)
# expect: min-impurity-split-removed
dt = DecisionTreeClassifier(min_impurity_split=0.01)
# expect: isolation-forest-behaviour-removed
iso = IsolationForest(contamination=0.05, behaviour="new")
# expect: search-cv-fit-params-removed
search = GridSearchCV(GradientBoostingClassifier(), {"max_depth": [2, 3]}, fit_params={"sample_weight": None})
# expect: precision-recall-curve-probas-pred-removed
precision, recall, thresholds = precision_recall_curve([0, 1, 1], probas_pred=[0.1, 0.8, 0.6])
from sklearn.preprocessing import OneHotEncoder

# expect: onehotencoder-categorical-features-removed
onehotencoder = OneHotEncoder(categorical_features = [0])
# expect: onehotencoder-categorical-features-removed
enc = OneHotEncoder(n_values=[3, 4])
