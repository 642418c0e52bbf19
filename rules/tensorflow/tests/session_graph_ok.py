# TF2 code, and TF1 code written against tf.compat.v1 while migrating.
import tensorflow as tf


class Session:
    """An application's own session class."""


# ok: tensorflow-session-removed
db_session = Session()
# ok: tensorflow-session-removed
with tf.compat.v1.Session() as sess:
    pass
# ok: tensorflow-interactive-session-removed
isess = tf.compat.v1.InteractiveSession()
# ok: tensorflow-placeholder-removed
x = tf.compat.v1.placeholder(tf.float32, shape=[None, 784])
# ok: tensorflow-placeholder-with-default-removed
training = tf.compat.v1.placeholder_with_default(False, shape=[])
# ok: tensorflow-configproto-removed
config = tf.compat.v1.ConfigProto()
# ok: tensorflow-gpuoptions-removed
gpu = tf.compat.v1.GPUOptions(allow_growth=True)
# ok: tensorflow-global-variables-initializer-removed
init = tf.compat.v1.global_variables_initializer()
# ok: tensorflow-local-variables-initializer-removed
local_init = tf.compat.v1.local_variables_initializer()
# ok: tensorflow-initialize-all-variables-removed
old_init = tf.compat.v1.initialize_all_variables()
# ok: tensorflow-get-variable-removed
w = tf.Variable(tf.zeros([784, 10]), name="w")
# ok: tensorflow-variable-scope-removed
with tf.name_scope("dense"):
    pass
# ok: tensorflow-get-default-graph-removed
graph = tf.compat.v1.get_default_graph()
# ok: tensorflow-reset-default-graph-removed
tf.keras.backend.clear_session()
# ok: tensorflow-trainable-variables-removed
params = tf.keras.Sequential([tf.keras.layers.Dense(1)]).trainable_variables
# ok: tensorflow-enable-eager-execution-removed
eager = tf.executing_eagerly()
