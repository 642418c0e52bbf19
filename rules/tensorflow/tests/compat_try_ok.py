# A file that runs on TF1 and TF2 by importing the v1 API as `tf` when it exists.
try:
    import tensorflow.compat.v1 as tf
except ImportError:
    import tensorflow as tf

# ok: tensorflow-placeholder-removed
x = tf.placeholder(tf.float32)
# ok: tensorflow-nn-softmax-dim-removed
p = tf.nn.softmax(x, dim=-1)
# ok: tensorflow-train-adam-optimizer-removed
opt = tf.train.AdamOptimizer(0.001)
