import sklearn
# expect: cross-validation-module-removed
from sklearn.cross_validation import train_test_split, KFold
# expect: cross-validation-module-removed
import sklearn.cross_validation as cv
# expect: cross-validation-module-removed
from sklearn import cross_validation
# expect: grid-search-module-removed
from sklearn.grid_search import GridSearchCV
# expect: learning-curve-module-removed
from sklearn.learning_curve import learning_curve
# expect: externals-joblib-removed
from sklearn.externals import joblib
# expect: externals-joblib-removed
from sklearn.externals.joblib import dump, load
# expect: externals-six-removed
from sklearn.externals import six
# expect: utils-testing-module-removed
from sklearn.utils.testing import assert_array_equal
# expect: private-module-path-removed
from sklearn.ensemble.forest import RandomForestClassifier
# expect: private-module-path-removed
from sklearn.metrics.scorer import make_scorer
# expect: private-module-path-removed
import sklearn.tree.tree
# expect: private-module-path-removed
import sklearn.datasets.samples_generator as sg
# expect: private-module-path-removed
from sklearn.neighbors.typedefs import DTYPE
# expect: private-module-path-removed
from sklearn.feature_extraction.stop_words import ENGLISH_STOP_WORDS

X_train, X_test = train_test_split([1, 2, 3, 4])
folds = cv.KFold(4, n_folds=2)
# expect: grid-search-module-removed
from sklearn import grid_search as gs
# expect: externals-joblib-removed
import sklearn.externals.joblib as jl
