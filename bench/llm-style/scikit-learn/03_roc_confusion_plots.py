# scikit-learn==1.4.2
# Task: plot the ROC curve and confusion matrix of a fitted classifier.
import matplotlib.pyplot as plt
# deprecated: sklearn.metrics.plot_roc_curve
from sklearn.metrics import plot_confusion_matrix, plot_roc_curve

fig, axes = plt.subplots(1, 2, figsize=(10, 4))
# deprecated: sklearn.metrics.plot_roc_curve
plot_roc_curve(clf, X_test, y_test, ax=axes[0])
# deprecated: sklearn.metrics.plot_confusion_matrix
plot_confusion_matrix(clf, X_test, y_test, cmap="Blues", ax=axes[1])
plt.tight_layout()
plt.show()
