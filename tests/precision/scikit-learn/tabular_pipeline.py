"""Train and evaluate a tabular model with a preprocessing pipeline."""

from __future__ import annotations

import joblib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import (
    ConfusionMatrixDisplay,
    RocCurveDisplay,
    classification_report,
    get_scorer_names,
    make_scorer,
    mean_absolute_error,
    roc_auc_score,
    root_mean_squared_error,
)
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_preprocessor() -> ColumnTransformer:
    numeric = Pipeline(
        steps=[
            ("impute", SimpleImputer(missing_values=np.nan, strategy="median")),
            ("scale", StandardScaler()),
        ]
    )
    categorical = Pipeline(
        steps=[
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("encode", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
        ]
    )
    return ColumnTransformer(
        transformers=[
            ("num", numeric, make_column_selector(dtype_include=np.number)),
            ("cat", categorical, make_column_selector(dtype_include=object)),
        ]
    )


def train_classifier(frame: pd.DataFrame, target: str) -> Pipeline:
    X = frame.drop(columns=[target])
    y = frame[target]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=0
    )
    model = Pipeline(
        steps=[
            ("prep", build_preprocessor()),
            ("clf", LogisticRegression(penalty="l2", C=1.0, max_iter=1000)),
        ]
    )
    search = GridSearchCV(
        model,
        param_grid={"clf__C": [0.1, 1.0, 10.0]},
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=0),
        scoring=make_scorer(roc_auc_score, response_method="predict_proba"),
        n_jobs=-1,
    )
    search.fit(X_train, y_train)
    print(classification_report(y_test, search.predict(X_test)))

    fig, (ax_roc, ax_cm) = plt.subplots(1, 2, figsize=(10, 4))
    RocCurveDisplay.from_estimator(search.best_estimator_, X_test, y_test, ax=ax_roc)
    ConfusionMatrixDisplay.from_estimator(search.best_estimator_, X_test, y_test, ax=ax_cm)
    fig.savefig("evaluation.png")

    joblib.dump(search.best_estimator_, "model.joblib")
    return search.best_estimator_


def train_regressor(X: pd.DataFrame, y: pd.Series) -> float:
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
    forest = RandomForestRegressor(
        n_estimators=300, max_features=1.0, criterion="squared_error", n_jobs=-1
    )
    forest.fit(X_train, y_train)
    pred = forest.predict(X_test)
    rmse = root_mean_squared_error(y_test, pred)
    print(f"RMSE={rmse:.3f} MAE={mean_absolute_error(y_test, pred):.3f}")
    return rmse


def compare_baselines(X: np.ndarray, y: np.ndarray) -> dict[str, float]:
    candidates = {
        "ridge": make_pipeline(StandardScaler(), Ridge(alpha=1.0)),
        "hgb": HistGradientBoostingClassifier(loss="log_loss", max_iter=200),
    }
    scores = {}
    for name, estimator in candidates.items():
        scores[name] = cross_val_score(estimator, X, y, cv=5, scoring="r2").mean()
    assert "roc_auc" in get_scorer_names()
    return scores
