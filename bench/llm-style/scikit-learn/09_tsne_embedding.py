# scikit-learn==1.7.2
# Task: 2-D t-SNE embedding of the digits data set, coloured by label.
import matplotlib.pyplot as plt
from sklearn.datasets import load_digits
from sklearn.manifold import TSNE

digits = load_digits()
# deprecated: TSNE(n_iter=)
emb = TSNE(n_components=2, perplexity=30, n_iter=2000, random_state=0).fit_transform(digits.data)
plt.scatter(emb[:, 0], emb[:, 1], c=digits.target, cmap="tab10", s=5)
plt.show()
