# tensorflow==2.16.1
# Task: train a softmax regression on MNIST batches and report the accuracy.
# deprecated: tf.placeholder
x = tf.placeholder(tf.float32, [None, 784])
# deprecated: tf.placeholder
y_ = tf.placeholder(tf.float32, [None, 10])
W = tf.Variable(tf.zeros([784, 10]))
b = tf.Variable(tf.zeros([10]))
y = tf.matmul(x, W) + b
cross_entropy = tf.reduce_mean(
    tf.nn.softmax_cross_entropy_with_logits(labels=y_, logits=y))
# deprecated: tf.train.GradientDescentOptimizer
train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)
correct = tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1))
# deprecated: tf.to_float
accuracy = tf.reduce_mean(tf.to_float(correct))

# deprecated: tf.Session
with tf.Session() as sess:
    # deprecated: tf.global_variables_initializer
    sess.run(tf.global_variables_initializer())
    for batch_xs, batch_ys in batches:
        sess.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})
    print(sess.run(accuracy, feed_dict={x: test_x, y_: test_y}))
