# TensorFlow 1.x keyword arguments in a project on TensorFlow 2.
import tensorflow as tf

x = tf.ones([4, 3])
# expect: tensorflow-reduce-keep-dims-removed
total = tf.reduce_sum(x, axis=1, keep_dims=True)
# expect: tensorflow-reduce-keep-dims-removed
mean = tf.reduce_mean(x, 0, keep_dims=True)
# expect: tensorflow-reduce-reduction-indices-removed
biggest = tf.reduce_max(x, reduction_indices=[1])
# expect: tensorflow-expand-dims-dim-removed
col = tf.expand_dims(x, dim=-1)
# expect: tensorflow-squeeze-squeeze-dims-removed
flat = tf.squeeze(col, squeeze_dims=[2])
# expect: tensorflow-argmax-dimension-removed
best = tf.argmax(x, dimension=1)
# expect: tensorflow-argmax-dimension-removed
worst = tf.argmin(x, dimension=1)
# expect: tensorflow-nn-softmax-dim-removed
probs = tf.nn.softmax(x, dim=-1)
# expect: tensorflow-nn-softmax-dim-removed
unit = tf.nn.l2_normalize(x, dim=1)
images = tf.ones([1, 8, 8, 3])
kernel = tf.ones([3, 3, 3, 4])
# expect: tensorflow-nn-conv2d-filter-removed
conv = tf.nn.conv2d(images, filter=kernel, strides=[1, 1, 1, 1], padding="SAME")
# expect: tensorflow-nn-dropout-keep-prob-removed
dropped = tf.nn.dropout(x, keep_prob=0.8)
