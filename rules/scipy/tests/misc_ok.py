# Modern replacements and look-alikes.
from math import comb
import numpy as np
import scipy.datasets
from scipy import special
from scipy.special import factorial, logsumexp
from scipy.ndimage import rotate, zoom


def imread(path):
    return np.load(path)


def pade(an, m):
    return an[:m], an[m:]


# ok: scipy-misc-imread-removed
img = imread("photo.npy")
# ok: scipy-misc-imresize-removed
small = zoom(img, 0.5)
# ok: scipy-misc-image-helpers-removed
rot = rotate(small, 45)
# ok: scipy-misc-imsave-removed
np.save("small.npy", small)
# ok: scipy-misc-special-aliases-removed
n = special.comb(10, 3, exact=True)
# ok: scipy-misc-special-aliases-removed
k = comb(10, 3)
f = factorial(5)
# ok: scipy-misc-logsumexp-removed
lse = logsumexp(np.array([1.0, 2.0]))
# ok: scipy-misc-pade-removed
p, q = pade([1.0, 1.0, 0.5], 1)
# ok: scipy-misc-datasets-removed
face = scipy.datasets.face(gray=True)
# ok: scipy-misc-derivative-removed
slope = np.gradient(np.sin(np.linspace(0, 1, 5)))
