# scikit-learn==1.5.2
# Task: cluster customers with agglomerative clustering and score the clusters.
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.metrics import calinski_harabasz_score, silhouette_score
from sklearn.preprocessing import StandardScaler

X_scaled = StandardScaler().fit_transform(X)
for k in range(2, 8):
    # deprecated: AgglomerativeClustering(affinity=)
    agg = AgglomerativeClustering(n_clusters=k, affinity="euclidean", linkage="ward")
    labels = agg.fit_predict(X_scaled)
    print(k, silhouette_score(X_scaled, labels), calinski_harabasz_score(X_scaled, labels))
km = KMeans(n_clusters=4, n_init="auto", random_state=0).fit(X_scaled)
