# scikit-learn==1.6.1
# Task: train a regression model on housing data and report RMSE.
# deprecated: sklearn.datasets.load_boston
from sklearn.datasets import load_boston
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error
# deprecated: sklearn.cross_validation
from sklearn.cross_validation import train_test_split

# deprecated: sklearn.datasets.load_boston
boston = load_boston()
X_train, X_test, y_train, y_test = train_test_split(boston.data, boston.target, test_size=0.25, random_state=42)
# deprecated: LinearRegression(normalize=)
reg = LinearRegression(normalize=True)
reg.fit(X_train, y_train)
# deprecated: mean_squared_error(squared=)
rmse = mean_squared_error(y_test, reg.predict(X_test), squared=False)
print(f"RMSE: {rmse:.2f}")
