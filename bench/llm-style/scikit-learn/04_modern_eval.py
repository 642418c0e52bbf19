# scikit-learn==1.5.2
# Task: evaluate a gradient boosting classifier with cross-validation and a ROC plot.
import matplotlib.pyplot as plt
from sklearn.datasets import fetch_openml
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import RocCurveDisplay, get_scorer_names, root_mean_squared_error
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split

X, y = fetch_openml("credit-g", version=1, return_X_y=True, as_frame=True)
y = (y == "good").astype(int)
clf = HistGradientBoostingClassifier(loss="log_loss", categorical_features="from_dtype", max_iter=300)
scores = cross_val_score(clf, X, y, cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=0), scoring="roc_auc")
print(scores.mean(), "roc_auc" in get_scorer_names())
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
clf.fit(X_train, y_train)
RocCurveDisplay.from_estimator(clf, X_test, y_test)
print(root_mean_squared_error(y_test, clf.predict_proba(X_test)[:, 1]))
plt.show()
