# SciPy 1.2-era image and helper code.
import numpy as np
import scipy.misc
from scipy import misc
# expect: scipy-misc-imread-removed, scipy-misc-imsave-removed
from scipy.misc import imread, imsave

# expect: scipy-misc-imread-removed
img = imread("photo.png")
# expect: scipy-misc-imresize-removed
small = scipy.misc.imresize(img, (64, 64))
# expect: scipy-misc-image-helpers-removed
rot = misc.imrotate(small, 45)
# expect: scipy-misc-image-helpers-removed
pil = scipy.misc.toimage(rot)
# expect: scipy-misc-imsave-removed
misc.imsave("small.png", small)
# expect: scipy-misc-special-aliases-removed
n = scipy.misc.comb(10, 3, exact=True)
# expect: scipy-misc-special-aliases-removed
f = misc.factorial(5)
# expect: scipy-misc-logsumexp-removed
lse = misc.logsumexp(np.array([1.0, 2.0]))
# expect: scipy-misc-pade-removed
p, q = misc.pade([1.0, 1.0, 0.5], 1)
# expect: scipy-misc-datasets-removed
face = misc.face(gray=True)
# expect: scipy-misc-datasets-removed
ecg = scipy.misc.electrocardiogram()
# expect: scipy-misc-derivative-removed
slope = misc.derivative(np.sin, 1.0, dx=1e-6)
