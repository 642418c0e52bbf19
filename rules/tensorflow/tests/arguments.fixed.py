# TensorFlow 1.x keyword arguments in a project on TensorFlow 2.
import tensorflow as tf

x = tf.ones([4, 3])
# expect: tensorflow-reduce-keep-dims-removed
total = tf.reduce_sum(x, axis=1, keepdims=True)
# expect: tensorflow-reduce-keep-dims-removed
mean = tf.reduce_mean(x, 0, keepdims=True)
# expect: tensorflow-reduce-reduction-indices-removed
biggest = tf.reduce_max(x, axis=[1])
# expect: tensorflow-expand-dims-dim-removed
col = tf.expand_dims(x, axis=-1)
# expect: tensorflow-squeeze-squeeze-dims-removed
flat = tf.squeeze(col, axis=[2])
# expect: tensorflow-argmax-dimension-removed
best = tf.argmax(x, axis=1)
# expect: tensorflow-argmax-dimension-removed
worst = tf.argmin(x, axis=1)
# expect: tensorflow-nn-softmax-dim-removed
probs = tf.nn.softmax(x, axis=-1)
# expect: tensorflow-nn-softmax-dim-removed
unit = tf.nn.l2_normalize(x, axis=1)
images = tf.ones([1, 8, 8, 3])
kernel = tf.ones([3, 3, 3, 4])
# expect: tensorflow-nn-conv2d-filter-removed
conv = tf.nn.conv2d(images, filters=kernel, strides=[1, 1, 1, 1], padding="SAME")
# expect: tensorflow-nn-dropout-keep-prob-removed
dropped = tf.nn.dropout(x, keep_prob=0.8)
