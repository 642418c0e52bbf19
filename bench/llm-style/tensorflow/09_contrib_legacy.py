# tensorflow==2.16.1
# Task: build a small conv net with Xavier initialisation.
# deprecated: tf.contrib.layers.xavier_initializer
init = tf.contrib.layers.xavier_initializer()
# deprecated: tf.variable_scope
with tf.variable_scope("conv1"):
    # deprecated: tf.get_variable
    kernel = tf.get_variable("kernel", [3, 3, 3, 32], initializer=init)
    # deprecated: tf.nn.conv2d filter
    conv = tf.nn.conv2d(images, filter=kernel, strides=[1, 1, 1, 1], padding="SAME")
    net = tf.nn.relu(conv)
