# scikit-learn==1.3.2
# Task: TF-IDF features for a text classifier and print the top words per class.
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
# deprecated: sklearn.externals.joblib
from sklearn.externals import joblib

vectorizer = TfidfVectorizer(max_features=5000, stop_words="english")
X = vectorizer.fit_transform(texts)
# deprecated: SGDClassifier(loss="log")
clf = SGDClassifier(loss="log", penalty="l2", max_iter=1000)
clf.fit(X, labels)
# deprecated: get_feature_names
words = np.array(vectorizer.get_feature_names())
for i, label in enumerate(clf.classes_):
    top = np.argsort(clf.coef_[i])[-10:]
    print(label, words[top])
joblib.dump(clf, "clf.pkl")
