# TensorFlow 1.x graph-and-session code in a project on TensorFlow 2.
import tensorflow as tf
# expect: tensorflow-session-removed
from tensorflow import Session

# expect: tensorflow-placeholder-removed
x = tf.placeholder(tf.float32, shape=[None, 784])
# expect: tensorflow-placeholder-with-default-removed
training = tf.placeholder_with_default(False, shape=[])

# expect: tensorflow-variable-scope-removed
with tf.variable_scope("dense"):
    # expect: tensorflow-get-variable-removed
    w = tf.get_variable("w", shape=[784, 10])
y = tf.matmul(x, w)

# expect: tensorflow-gpuoptions-removed
gpu = tf.GPUOptions(allow_growth=True)
# expect: tensorflow-configproto-removed
config = tf.ConfigProto(gpu_options=gpu)

# expect: tensorflow-session-removed
with tf.Session(config=config) as sess:
    # expect: tensorflow-global-variables-initializer-removed
    sess.run(tf.global_variables_initializer())
    # expect: tensorflow-local-variables-initializer-removed
    sess.run(tf.local_variables_initializer())
    # expect: tensorflow-initialize-all-variables-removed
    sess.run(tf.initialize_all_variables())

# expect: tensorflow-session-removed
other = Session()
# expect: tensorflow-interactive-session-removed
isess = tf.InteractiveSession()
# expect: tensorflow-get-default-graph-removed
graph = tf.get_default_graph()
# expect: tensorflow-reset-default-graph-removed
tf.reset_default_graph()
# expect: tensorflow-trainable-variables-removed
params = tf.trainable_variables()
# expect: tensorflow-enable-eager-execution-removed
tf.enable_eager_execution()
