# TensorFlow 1.x modules in a project on TensorFlow 2.
import tensorflow as tf
# expect: tensorflow-contrib-removed
import tensorflow.contrib.slim as slim
# expect: tensorflow-contrib-removed
from tensorflow.contrib import rnn
# expect: tensorflow-flags-removed
from tensorflow import flags

# expect: tensorflow-flags-removed
tf.flags.DEFINE_string("data_dir", "/tmp/data", "Where the data lives.")
# expect: tensorflow-app-removed
FLAGS = tf.app.flags.FLAGS
# expect: tensorflow-logging-removed
tf.logging.set_verbosity(10)
# expect: tensorflow-logging-removed
tf.logging.info("starting")

# expect: tensorflow-contrib-removed
init = tf.contrib.layers.xavier_initializer()


def model(x, labels):
    # expect: tensorflow-layers-removed
    h = tf.layers.dense(x, 128, activation=tf.nn.relu)
    # expect: tensorflow-nn-rnn-cell-removed
    cell = tf.nn.rnn_cell.LSTMCell(64)
    # expect: tensorflow-dynamic-rnn-removed
    outputs, state = tf.nn.dynamic_rnn(cell, h, dtype=tf.float32)
    # expect: tensorflow-bidirectional-dynamic-rnn-removed
    both, _ = tf.nn.bidirectional_dynamic_rnn(cell, cell, h, dtype=tf.float32)
    # expect: tensorflow-static-rnn-removed
    steps, _ = tf.nn.static_rnn(cell, [h], dtype=tf.float32)
    # expect: tensorflow-v1-losses-removed
    loss = tf.losses.softmax_cross_entropy(labels, outputs)
    # expect: tensorflow-v1-losses-removed
    loss += tf.losses.sparse_softmax_cross_entropy(labels, outputs)
    # expect: tensorflow-v1-losses-removed
    loss += tf.losses.sigmoid_cross_entropy(labels, outputs)
    # expect: tensorflow-graph-collections-removed
    tf.add_to_collection("losses", loss)
    # expect: tensorflow-graph-collections-removed
    reg = tf.get_collection("regularization_losses")
    # expect: tensorflow-py-func-removed
    y = tf.py_func(lambda a: a * 2, [x], tf.float32)
    return loss, reg, y, slim, rnn


# expect: tensorflow-summary-filewriter-removed
writer = tf.summary.FileWriter("/tmp/logs")
# expect: tensorflow-summary-merge-all-removed
merged = tf.summary.merge_all()


def main(argv):
    return argv


if __name__ == "__main__":
    # expect: tensorflow-app-removed
    tf.app.run(main)
