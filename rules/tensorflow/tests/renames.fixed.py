# TensorFlow 1.x top-level aliases in a project on TensorFlow 2.
import tensorflow as tf
import tensorflow as tensorflow_lib
# expect: tensorflow-to-dtype-cast-removed
from tensorflow import to_float

# expect: tensorflow-set-random-seed-removed
tf.random.set_seed(42)

# expect: tensorflow-random-normal-moved
w = tf.random.normal([784, 10], stddev=0.1)
# expect: tensorflow-random-uniform-moved
u = tf.random.uniform([10], minval=-1.0, maxval=1.0)
# expect: tensorflow-truncated-normal-moved
t = tf.random.truncated_normal([10, 10])
# expect: tensorflow-random-shuffle-moved
s = tf.random.shuffle(u)
# expect: tensorflow-log-moved
log_probs = tf.math.log(tf.nn.softmax(w))
# expect: tensorflow-log-moved
other_log = tensorflow_lib.math.log(u)
# expect: tensorflow-matrix-inverse-moved
inv = tf.linalg.inv(t)
# expect: tensorflow-matrix-determinant-moved
det = tf.linalg.det(t)
# expect: tensorflow-svd-moved
sv = tf.linalg.svd(t, compute_uv=False)
# expect: tensorflow-read-file-moved
raw = tf.io.read_file("image.png")
# expect: tensorflow-write-file-moved
tf.io.write_file("copy.png", raw)
# expect: tensorflow-is-nan-moved
bad = tf.math.is_nan(u)
# expect: tensorflow-spectral-moved
spectrum = tf.signal.rfft(u)

# expect: tensorflow-to-float-removed
mask = tf.cast(u > 0, tf.float32)
# expect: tensorflow-to-int32-removed
ids = tf.cast(u, tf.int32)
# expect: tensorflow-to-int64-removed
big = tf.cast(ids, tf.int64)
# expect: tensorflow-to-double-removed
wide = tf.cast(u, tf.float64)
# expect: tensorflow-to-dtype-cast-removed
named = tf.to_float(u, name="as_float")
# expect: tensorflow-to-dtype-cast-removed
fn = tf.to_int32
# expect: tensorflow-to-dtype-cast-removed
plain = to_float(u)

# expect: tensorflow-multinomial-two-args-moved
samples = tf.random.categorical(log_probs, 5)
# expect: tensorflow-multinomial-moved
seeded = tf.multinomial(log_probs, 5, seed=1)
# expect: tensorflow-multinomial-moved
other = tf.random.multinomial(log_probs, 5)
