# tensorflow==2.16.1
# Task: normalise a batch of feature vectors and pick the most likely class.
# deprecated: tf.set_random_seed
tf.set_random_seed(0)
# deprecated: tf.random_normal
features = tf.random_normal([32, 10])
# deprecated: tf.reduce_mean keep_dims
mean = tf.reduce_mean(features, axis=0, keep_dims=True)
centered = features - mean
# deprecated: tf.log
log_scale = tf.log(tf.reduce_sum(tf.square(centered), axis=1) + 1.0)
# deprecated: tf.nn.softmax dim
probs = tf.nn.softmax(centered, dim=-1)
# deprecated: tf.argmax dimension
labels = tf.argmax(probs, dimension=1)
# deprecated: tf.expand_dims dim
column = tf.expand_dims(labels, dim=-1)
