# The v1 API under its own alias next to the TF2 module: only the `tf.` uses are TF1 names.
import tensorflow as tf
import tensorflow.compat.v1 as tf1

# ok: tensorflow-placeholder-removed
x = tf1.placeholder(tf.float32)
# expect: tensorflow-placeholder-removed
y = tf.placeholder(tf.float32)
# ok: tensorflow-session-removed
sess = tf1.Session()
# expect: tensorflow-session-removed
other = tf.Session()
