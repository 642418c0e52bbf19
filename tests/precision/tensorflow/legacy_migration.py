"""Migration code: a TF1 graph model kept running on TensorFlow 2 through tf.compat.v1.

This module is intentionally written against the v1 compatibility API until the model is
ported to Keras (see the TensorFlow migration guide).
"""
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


def build_graph():
    x = tf.placeholder(tf.float32, shape=[None, 784], name="x")
    labels = tf.placeholder(tf.int64, shape=[None], name="labels")
    with tf.variable_scope("softmax"):
        w = tf.get_variable("w", shape=[784, 10], initializer=tf.zeros_initializer())
        b = tf.get_variable("b", shape=[10], initializer=tf.zeros_initializer())
    logits = tf.matmul(x, w) + b
    loss = tf.losses.sparse_softmax_cross_entropy(labels, logits)
    step = tf.train.get_or_create_global_step()
    train_op = tf.train.GradientDescentOptimizer(0.5).minimize(loss, global_step=step)
    accuracy = tf.reduce_mean(tf.to_float(tf.equal(tf.argmax(logits, 1), labels)))
    tf.summary.scalar("loss", loss)
    return x, labels, train_op, accuracy


def train(batches):
    x, labels, train_op, accuracy = build_graph()
    merged = tf.summary.merge_all()
    saver = tf.train.Saver()
    config = tf.ConfigProto(gpu_options=tf.GPUOptions(allow_growth=True))
    with tf.Session(config=config) as sess:
        sess.run(tf.global_variables_initializer())
        writer = tf.summary.FileWriter("/tmp/v1-logs", sess.graph)
        for i, (bx, by) in enumerate(batches):
            summary, _ = sess.run([merged, train_op], feed_dict={x: bx, labels: by})
            writer.add_summary(summary, i)
        tf.logging.info("accuracy %s", sess.run(accuracy, feed_dict={x: bx, labels: by}))
        saver.save(sess, "/tmp/v1-model.ckpt")
