# Migration code that rebinds `tf` to the v1 API: `tf.X` below is `tf.compat.v1.X`.
import tensorflow as tf

tf = tf.compat.v1
tf.disable_v2_behavior()

# ok: tensorflow-placeholder-removed
x = tf.placeholder(tf.float32, shape=[None, 3])
# ok: tensorflow-log-moved
y = tf.log(x)
# ok: tensorflow-reduce-keep-dims-removed
total = tf.reduce_sum(y, axis=1, keep_dims=True)
# ok: tensorflow-session-removed
with tf.Session() as sess:
    pass
