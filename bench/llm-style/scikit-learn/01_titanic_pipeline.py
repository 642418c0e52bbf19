# scikit-learn==1.5.2
# Task: preprocess the Titanic data (impute, one-hot encode) and fit a classifier.
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
# deprecated: sklearn.preprocessing.Imputer
from sklearn.preprocessing import Imputer, OneHotEncoder

numeric = ["age", "fare"]
categorical = ["sex", "embarked", "pclass"]
preprocess = ColumnTransformer([
    # deprecated: sklearn.preprocessing.Imputer
    ("num", Imputer(strategy="median"), numeric),
    # deprecated: OneHotEncoder(sparse=)
    ("cat", OneHotEncoder(handle_unknown="ignore", sparse=False), categorical),
])
# deprecated: max_features="auto"
model = Pipeline([("prep", preprocess), ("rf", RandomForestClassifier(n_estimators=200, max_features="auto"))])
X_train, X_test, y_train, y_test = train_test_split(df.drop(columns="survived"), df["survived"], test_size=0.2)
model.fit(X_train, y_train)
print(model.score(X_test, y_test))
