from sklearn.compose import make_column_transformer
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import OneHotEncoder, PolynomialFeatures

docs = ["a b", "b c"]
vectorizer = TfidfVectorizer(stop_words="english")
X = vectorizer.fit_transform(docs)
# expect: get-feature-names-removed
vocab = vectorizer.get_feature_names()

cv = CountVectorizer().fit(docs)
# expect: get-feature-names-removed
words = cv.get_feature_names()

enc = OneHotEncoder(handle_unknown="ignore")
enc.fit([["red"], ["blue"]])
# expect: get-feature-names-removed
cols = enc.get_feature_names(["color"])

ct = make_column_transformer((OneHotEncoder(), [0]))
# expect: get-feature-names-removed
out = ct.get_feature_names()


def names(poly: PolynomialFeatures):
    # expect: get-feature-names-removed
    return poly.get_feature_names()
