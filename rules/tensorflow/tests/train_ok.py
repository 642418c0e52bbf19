# TF2 training code, and the tf.compat.v1 spellings used while migrating.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(10)])
# ok: tensorflow-train-exponential-decay-removed
schedule = tf.keras.optimizers.schedules.ExponentialDecay(0.1, 1000, 0.96, staircase=True)
# ok: tensorflow-train-adam-optimizer-removed
optimizer = tf.keras.optimizers.Adam(learning_rate=schedule)
# ok: tensorflow-train-adam-optimizer-removed
old_adam = tf.compat.v1.train.AdamOptimizer(0.001)
# ok: tensorflow-train-gradient-descent-optimizer-removed
sgd = tf.keras.optimizers.SGD(0.01)
# ok: tensorflow-train-momentum-optimizer-removed
momentum = tf.keras.optimizers.SGD(0.01, momentum=0.9, nesterov=True)
# ok: tensorflow-train-rmsprop-optimizer-removed
rms = tf.keras.optimizers.RMSprop(0.001)
# ok: tensorflow-train-adagrad-optimizer-removed
ada = tf.keras.optimizers.Adagrad(0.01)
# ok: tensorflow-train-adadelta-optimizer-removed
adadelta = tf.keras.optimizers.Adadelta(1.0)
# ok: tensorflow-train-ftrl-optimizer-removed
ftrl = tf.keras.optimizers.Ftrl(0.01)
# ok: tensorflow-global-step-removed
step = optimizer.iterations
# ok: tensorflow-global-step-removed
old_step = tf.compat.v1.train.get_or_create_global_step()
# ok: tensorflow-train-saver-removed
ckpt = tf.train.Checkpoint(model=model, optimizer=optimizer)
# ok: tensorflow-train-saver-removed
manager = tf.train.CheckpointManager(ckpt, "/tmp/ckpt", max_to_keep=5)
# ok: tensorflow-train-saver-removed
old_saver = tf.compat.v1.train.Saver
# ok: tensorflow-queue-input-pipeline-removed
dataset = tf.data.TFRecordDataset(["a.tfrecord"]).shuffle(1000).batch(32)
# ok: tensorflow-queue-input-pipeline-removed
latest = tf.train.latest_checkpoint("/tmp/ckpt")
