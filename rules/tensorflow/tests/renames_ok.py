# The TF2 names, the tf.compat.v1 spellings, and look-alikes that are not TensorFlow.
import math

import numpy as np
import tensorflow as tf

# ok: tensorflow-set-random-seed-removed
tf.random.set_seed(42)
# ok: tensorflow-set-random-seed-removed
tf.compat.v1.set_random_seed(42)
# ok: tensorflow-random-normal-moved
w = tf.random.normal([784, 10], stddev=0.1)
# ok: tensorflow-random-normal-moved
init = tf.random_normal_initializer(stddev=0.1)
# ok: tensorflow-random-uniform-moved
u = tf.random.uniform([10])
# ok: tensorflow-truncated-normal-moved
t = tf.random.truncated_normal([10, 10])
# ok: tensorflow-random-shuffle-moved
s = tf.random.shuffle(u)
# ok: tensorflow-log-moved
log_probs = tf.math.log(tf.nn.softmax(w))
# ok: tensorflow-log-moved
py_log = math.log(2.0)
# ok: tensorflow-log-moved
np_log = np.log(2.0)
# ok: tensorflow-log-moved
old_log = tf.compat.v1.log(u)
# ok: tensorflow-matrix-inverse-moved
inv = tf.linalg.inv(t)
# ok: tensorflow-matrix-determinant-moved
det = tf.linalg.det(t)
# ok: tensorflow-svd-moved
sv = tf.linalg.svd(t, compute_uv=False)
# ok: tensorflow-svd-moved
np_sv = np.linalg.svd(np.eye(2))
# ok: tensorflow-read-file-moved
raw = tf.io.read_file("image.png")
# ok: tensorflow-write-file-moved
tf.io.write_file("copy.png", raw)
# ok: tensorflow-is-nan-moved
bad = tf.math.is_nan(u)
# ok: tensorflow-spectral-moved
spectrum = tf.signal.rfft(u)
# ok: tensorflow-spectral-moved
old_spectrum = tf.compat.v1.spectral.rfft(u)
# ok: tensorflow-to-float-removed
mask = tf.cast(u > 0, tf.float32)
# ok: tensorflow-to-float-removed
old_mask = tf.compat.v1.to_float(u)
# ok: tensorflow-to-dtype-cast-removed
old_named = tf.compat.v1.to_int32(u, name="ids")
# ok: tensorflow-multinomial-moved
samples = tf.random.categorical(log_probs, 5)
# ok: tensorflow-multinomial-two-args-moved
old_samples = tf.compat.v1.multinomial(log_probs, 5)
# ok: tensorflow-to-int32-removed
ids = tf.cast(u, tf.int32)
# ok: tensorflow-to-int64-removed
big = tf.cast(ids, tf.int64)
# ok: tensorflow-to-double-removed
wide = tf.cast(u, tf.float64)
