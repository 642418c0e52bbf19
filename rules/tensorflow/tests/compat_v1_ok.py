# A TF1 program run on TensorFlow 2 through the compat module: nothing here is reported.
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

# ok: tensorflow-placeholder-removed
x = tf.placeholder(tf.float32, shape=[None, 784])
# ok: tensorflow-variable-scope-removed
with tf.variable_scope("dense"):
    # ok: tensorflow-get-variable-removed
    w = tf.get_variable("w", shape=[784, 10])
# ok: tensorflow-session-removed
with tf.Session() as sess:
    # ok: tensorflow-global-variables-initializer-removed
    sess.run(tf.global_variables_initializer())

# ok: tensorflow-logging-removed
tf.logging.set_verbosity(tf.logging.INFO)
# ok: tensorflow-layers-removed
h = tf.layers.dense(x, 10)
# ok: tensorflow-app-removed
run = tf.app.run
# ok: tensorflow-summary-filewriter-removed
writer = tf.summary.FileWriter("/tmp/logs")
# ok: tensorflow-random-normal-moved
noise = tf.random_normal([10])
# ok: tensorflow-log-moved
log_noise = tf.log(noise)
# ok: tensorflow-to-float-removed
mask = tf.to_float(noise > 0)
# ok: tensorflow-set-random-seed-removed
tf.set_random_seed(1)
# ok: tensorflow-nn-softmax-dim-removed
probs = tf.nn.softmax(noise, dim=-1)
# ok: tensorflow-reduce-keep-dims-removed
total = tf.reduce_sum(noise, keep_dims=True)
# ok: tensorflow-contrib-removed
layers = tf.keras.layers
