# scipy==1.15.2
# Task: load the sample face image, blur it, and compute a continuous wavelet transform of a row.
import numpy as np
from scipy import misc, ndimage, signal

# deprecated: scipy.misc.face
face = misc.face(gray=True)
blurred = ndimage.gaussian_filter(face, sigma=3)
row = blurred[300].astype(float)
widths = np.arange(1, 31)
# deprecated: scipy.signal.cwt, scipy.signal.ricker
cwt_matrix = signal.cwt(row, signal.ricker, widths)
print(cwt_matrix.shape)
