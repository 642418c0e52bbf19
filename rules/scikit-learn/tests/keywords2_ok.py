import numpy as np
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.manifold import TSNE
from sklearn.model_selection import GridSearchCV, RandomizedSearchCV
from sklearn.svm import SVC
from sklearn.utils import check_array

# ok: kmeans-algorithm-full-removed
km = KMeans(n_clusters=3, algorithm="elkan", n_init="auto")
# ok: kmeans-algorithm-full-removed
mbk = MiniBatchKMeans(n_clusters=3, n_init="auto")
# ok: search-cv-iid-removed
search = GridSearchCV(SVC(), {"C": [1, 10]}, cv=5, n_jobs=-1)
# ok: tsne-n-iter-removed
emb = TSNE(n_components=2, max_iter=1000)
# ok: tsne-n-iter-removed
rs = RandomizedSearchCV(SVC(), {"C": [1, 10]}, n_iter=20)
# ok: force-all-finite-deprecated
X = check_array(np.eye(3), ensure_all_finite="allow-nan")
