# Modern scipy.ndimage imports.
import numpy as np
from scipy import ndimage
# ok: scipy-ndimage-private-namespace-deprecated
from scipy.ndimage import gaussian_filter, binary_dilation, zoom, label

img = np.random.rand(32, 32)
smooth = gaussian_filter(img, sigma=2)
mask = binary_dilation(img > 0.5)
# ok: scipy-ndimage-private-namespace-deprecated
big = ndimage.zoom(img, 2)
labels, n = label(mask)
# ok: scipy-ndimage-private-namespace-deprecated
filters = [ndimage.median_filter, ndimage.uniform_filter]
# ok: scipy-ndimage-private-namespace-deprecated
edges = ndimage.sobel(img)
