# The TF2 replacements, and the tf.compat.v1 spellings used while migrating.
import logging

import tensorflow as tf
from absl import app, flags
from tensorflow.keras import layers

# ok: tensorflow-flags-removed
flags.DEFINE_string("data_dir", "/tmp/data", "Where the data lives.")
# ok: tensorflow-logging-removed
tf.get_logger().setLevel(logging.ERROR)
# ok: tensorflow-logging-removed
tf.compat.v1.logging.set_verbosity(tf.compat.v1.logging.INFO)
# ok: tensorflow-contrib-removed
init = tf.keras.initializers.GlorotUniform()
# ok: tensorflow-layers-removed
dense = layers.Dense(128, activation="relu")
# ok: tensorflow-layers-removed
old_dense = tf.compat.v1.layers.Dense(128)
# ok: tensorflow-nn-rnn-cell-removed
cell = tf.keras.layers.LSTMCell(64)
# ok: tensorflow-nn-rnn-cell-removed
old_cell = tf.compat.v1.nn.rnn_cell.LSTMCell(64)
# ok: tensorflow-dynamic-rnn-removed
rnn = tf.keras.layers.RNN(cell, return_sequences=True)
# ok: tensorflow-dynamic-rnn-removed
dyn = tf.compat.v1.nn.dynamic_rnn
# ok: tensorflow-bidirectional-dynamic-rnn-removed
bi = tf.keras.layers.Bidirectional(tf.keras.layers.RNN(cell))
# ok: tensorflow-static-rnn-removed
unrolled = tf.keras.layers.RNN(cell, unroll=True)
# ok: tensorflow-v1-losses-removed
loss_fn = tf.keras.losses.CategoricalCrossentropy(from_logits=True)
# ok: tensorflow-v1-losses-removed
mse = tf.losses.mean_squared_error
# ok: tensorflow-v1-losses-removed
old_loss = tf.compat.v1.losses.softmax_cross_entropy
# ok: tensorflow-graph-collections-removed
reg = tf.compat.v1.get_collection("regularization_losses")
# ok: tensorflow-py-func-removed
y = tf.numpy_function(lambda a: a * 2, [tf.constant(1.0)], tf.float32)
# ok: tensorflow-summary-filewriter-removed
writer = tf.summary.create_file_writer("/tmp/logs")
with writer.as_default():
    # ok: tensorflow-summary-merge-all-removed
    tf.summary.scalar("loss", 0.5, step=1)
# ok: tensorflow-summary-filewriter-removed
old_writer = tf.compat.v1.summary.FileWriter("/tmp/logs")


def main(argv):
    return argv


if __name__ == "__main__":
    # ok: tensorflow-app-removed
    app.run(main)
