# Image-processing imports through the private ndimage modules.
import numpy as np
import scipy.ndimage
# expect: scipy-ndimage-private-namespace-deprecated
from scipy.ndimage.filters import gaussian_filter
# expect: scipy-ndimage-private-namespace-deprecated
from scipy.ndimage import morphology
# expect: scipy-ndimage-private-namespace-deprecated
import scipy.ndimage.interpolation as ndi_interp

img = np.random.rand(32, 32)
smooth = gaussian_filter(img, sigma=2)
mask = morphology.binary_dilation(img > 0.5)
big = ndi_interp.zoom(img, 2)
# expect: scipy-ndimage-private-namespace-deprecated
labels, n = scipy.ndimage.measurements.label(mask)
