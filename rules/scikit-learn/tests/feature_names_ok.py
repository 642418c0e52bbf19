import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import StandardScaler


class Featurizer:
    def get_feature_names(self):
        return ["a", "b"]


def describe(model):
    # ok: get-feature-names-removed
    return model.get_feature_names()


vectorizer = TfidfVectorizer()
vectorizer.fit(["a b"])
# ok: get-feature-names-removed
vocab = vectorizer.get_feature_names_out()
# ok: get-feature-names-removed
own = Featurizer().get_feature_names()
feat = Featurizer()
# ok: get-feature-names-removed
more = feat.get_feature_names()
