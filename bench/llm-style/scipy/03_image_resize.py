# scipy==1.14.1
# Task: load an image, resize it to 128x128 and save a greyscale copy.
from scipy import misc

# deprecated: scipy.misc.imread
img = misc.imread("input.png")
# deprecated: scipy.misc.imresize
small = misc.imresize(img, (128, 128))
gray = small.mean(axis=2)
# deprecated: scipy.misc.imsave
misc.imsave("output.png", gray)
