# TF2 keyword arguments, tf.compat.v1 calls, and other libraries' keywords of the same name.
import numpy as np
import tensorflow as tf

x = tf.ones([4, 3])
# ok: tensorflow-reduce-keep-dims-removed
total = tf.reduce_sum(x, axis=1, keepdims=True)
# ok: tensorflow-reduce-keep-dims-removed
old_total = tf.compat.v1.reduce_sum(x, axis=1, keep_dims=True)
# ok: tensorflow-reduce-keep-dims-removed
np_total = np.sum(np.ones(3), keep_dims=True)
# ok: tensorflow-reduce-reduction-indices-removed
biggest = tf.reduce_max(x, axis=[1])
# ok: tensorflow-reduce-reduction-indices-removed
old_biggest = tf.compat.v1.reduce_max(x, reduction_indices=[1])
# ok: tensorflow-expand-dims-dim-removed
col = tf.expand_dims(x, axis=-1)
# ok: tensorflow-expand-dims-dim-removed
np_col = np.expand_dims(np.ones(3), dim=-1)
# ok: tensorflow-squeeze-squeeze-dims-removed
flat = tf.squeeze(col, axis=[2])
# ok: tensorflow-argmax-dimension-removed
best = tf.argmax(x, axis=1)
# ok: tensorflow-argmax-dimension-removed
old_best = tf.compat.v1.argmax(x, dimension=1)
# ok: tensorflow-nn-softmax-dim-removed
probs = tf.nn.softmax(x, axis=-1)
# ok: tensorflow-nn-softmax-dim-removed
old_probs = tf.compat.v1.nn.softmax(x, dim=-1)
images = tf.ones([1, 8, 8, 3])
kernel = tf.ones([3, 3, 3, 4])
# ok: tensorflow-nn-conv2d-filter-removed
conv = tf.nn.conv2d(images, filters=kernel, strides=[1, 1, 1, 1], padding="SAME")
# ok: tensorflow-nn-conv2d-filter-removed
old_conv = tf.compat.v1.nn.conv2d(images, filter=kernel, strides=[1, 1, 1, 1], padding="SAME")
# ok: tensorflow-nn-dropout-keep-prob-removed
dropped = tf.nn.dropout(x, rate=0.2)
# ok: tensorflow-nn-dropout-keep-prob-removed
old_dropped = tf.compat.v1.nn.dropout(x, keep_prob=0.8)
