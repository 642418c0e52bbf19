import joblib
import sklearn
# ok: cross-validation-module-removed
from sklearn.model_selection import train_test_split, KFold, GridSearchCV, learning_curve
# ok: private-module-path-removed
from sklearn.ensemble import RandomForestClassifier
# ok: private-module-path-removed
from sklearn.metrics import make_scorer
# ok: private-module-path-removed
from sklearn.inspection import partial_dependence
# ok: private-module-path-removed
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
# ok: private-module-path-removed
from sklearn.tree import export_graphviz
# ok: utils-testing-module-removed
from sklearn.utils import estimator_checks
# ok: private-module-path-removed
from sklearn.metrics import classification_report
# ok: private-module-path-removed
from sklearn.metrics.cluster import adjusted_rand_score
# ok: cross-validation-module-removed
from myproject import cross_validation

# ok: externals-joblib-removed
joblib.dump(RandomForestClassifier(), "model.joblib")
# ok: cross-validation-module-removed
cross_validation.run()
# ok: grid-search-module-removed
from sklearn.model_selection import RandomizedSearchCV
# ok: learning-curve-module-removed
from sklearn.model_selection import validation_curve
# ok: externals-six-removed
import six
# ok: learning-curve-module-removed
learning_curve(RandomForestClassifier(), [[0]], [0])
