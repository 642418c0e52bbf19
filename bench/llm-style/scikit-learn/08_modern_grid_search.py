# scikit-learn==1.5.2
# Task: tune a logistic regression with grid search and save the best model.
import joblib
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

pipe = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
grid = GridSearchCV(pipe, {"logisticregression__C": [0.01, 0.1, 1, 10]}, cv=5, n_jobs=-1, scoring="f1_macro")
grid.fit(X_train, y_train)
print(grid.best_params_, grid.best_score_)
joblib.dump(grid.best_estimator_, "model.joblib")
encoder = OneHotEncoder(sparse_output=False, handle_unknown="ignore").fit(X_cat)
print(encoder.get_feature_names_out())
