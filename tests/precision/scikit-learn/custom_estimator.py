"""A small meta-estimator written against the public scikit-learn API."""

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.metrics import get_scorer
from sklearn.multiclass import OneVsRestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.utils.metaestimators import available_if
from sklearn.utils.validation import check_is_fitted


def _estimator_has(attr):
    return lambda self: hasattr(self.estimator, attr)


class ThresholdClassifier(ClassifierMixin, BaseEstimator):
    def __init__(self, estimator=None, threshold=0.5, sparse=False):
        self.estimator = estimator
        self.threshold = threshold
        self.sparse = sparse

    def fit(self, X, y):
        self.estimator_ = clone(self.estimator).fit(X, y)
        self.classes_ = self.estimator_.classes_
        return self

    @available_if(_estimator_has("predict_proba"))
    def predict_proba(self, X):
        check_is_fitted(self)
        return self.estimator_.predict_proba(X)

    def predict(self, X):
        proba = self.predict_proba(X)[:, 1]
        return self.classes_[(proba >= self.threshold).astype(int)]


def text_model(docs, labels):
    vectorizer = TfidfVectorizer(stop_words=list(ENGLISH_STOP_WORDS), sublinear_tf=True)
    X = vectorizer.fit_transform(docs)
    ovr = OneVsRestClassifier(LogisticRegression(max_iter=1000)).fit(X, labels)
    features = vectorizer.get_feature_names_out()
    scorer = get_scorer("f1_macro")
    return ovr, features, scorer(ovr, X, labels)


def wrap(base):
    return ThresholdClassifier(estimator=base, threshold=0.3, sparse=True)


def helper(penalty="none", normalize=False, squared=False):
    return np.sqrt(2.0) if squared else (penalty, normalize)
