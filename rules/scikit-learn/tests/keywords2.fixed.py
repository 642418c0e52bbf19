import numpy as np
from sklearn.cluster import KMeans
from sklearn.manifold import TSNE
from sklearn.model_selection import GridSearchCV, RandomizedSearchCV
from sklearn.svm import SVC
from sklearn.utils import check_array
from sklearn.utils.validation import check_X_y

# expect: kmeans-algorithm-full-removed
km = KMeans(n_clusters=3, algorithm="lloyd")
# expect: kmeans-algorithm-full-removed
km2 = KMeans(n_clusters=3, algorithm="lloyd", n_init=10)
# expect: search-cv-iid-removed
search = GridSearchCV(SVC(), {"C": [1, 10]}, iid=False, cv=5)
# expect: search-cv-iid-removed
search2 = RandomizedSearchCV(SVC(), {"C": [1, 10]}, n_iter=2, iid=True)
# expect: tsne-n-iter-removed
emb = TSNE(n_components=2, perplexity=30, max_iter=1000).fit_transform(np.eye(5))
# expect: force-all-finite-deprecated
X = check_array(np.eye(3), ensure_all_finite="allow-nan")
# expect: force-all-finite-deprecated
X2, y2 = check_X_y(np.eye(3), [0, 1, 0], ensure_all_finite=False)
