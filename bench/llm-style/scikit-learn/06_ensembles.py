# scikit-learn==1.4.2
# Task: compare bagging, AdaBoost and gradient boosting on the same data.
from sklearn.ensemble import AdaBoostClassifier, BaggingClassifier, GradientBoostingClassifier
from sklearn.model_selection import cross_val_score
from sklearn.tree import DecisionTreeClassifier

models = {
    # deprecated: BaggingClassifier(base_estimator=)
    "bagging": BaggingClassifier(base_estimator=DecisionTreeClassifier(), n_estimators=100),
    # deprecated: AdaBoostClassifier(base_estimator=)
    "adaboost": AdaBoostClassifier(base_estimator=DecisionTreeClassifier(max_depth=1), n_estimators=200),
    # deprecated: GradientBoostingClassifier(loss="deviance")
    "gb": GradientBoostingClassifier(loss="deviance", n_estimators=200),
}
for name, model in models.items():
    print(name, cross_val_score(model, X, y, cv=5).mean())
