# matplotlib==3.9.2
# Task: normalised histogram with a dark background and a fitted normal curve.
fig, ax = plt.subplots()
# deprecated: Axes.hist(normed=)
n, bins, patches = ax.hist(data, bins=40, normed=True, alpha=0.7)
mu, sigma = np.mean(data), np.std(data)
ax.plot(bins, np.exp(-((bins - mu) ** 2) / (2 * sigma**2)) / (sigma * np.sqrt(2 * np.pi)), "r--")
# deprecated: Axes.set_axis_bgcolor
ax.set_axis_bgcolor("#202020")
ax.set_xlabel("value")
# deprecated: Axes.grid(b=)
ax.grid(b=True, linestyle=":")
plt.show()
