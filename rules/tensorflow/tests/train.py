# TensorFlow 1.x training code in a project on TensorFlow 2.
import tensorflow as tf
# expect: tensorflow-train-adam-optimizer-removed
from tensorflow.train import AdamOptimizer


def build(loss):
    # expect: tensorflow-global-step-removed
    step = tf.train.get_or_create_global_step()
    # expect: tensorflow-global-step-removed
    same = tf.train.get_global_step()
    # expect: tensorflow-train-exponential-decay-removed
    lr = tf.train.exponential_decay(0.1, step, 1000, 0.96, staircase=True)
    # expect: tensorflow-train-adam-optimizer-removed
    train_op = tf.train.AdamOptimizer(lr).minimize(loss, global_step=step)
    # expect: tensorflow-train-gradient-descent-optimizer-removed
    sgd = tf.train.GradientDescentOptimizer(0.01)
    # expect: tensorflow-train-momentum-optimizer-removed
    momentum = tf.train.MomentumOptimizer(0.01, 0.9, use_nesterov=True)
    # expect: tensorflow-train-rmsprop-optimizer-removed
    rms = tf.train.RMSPropOptimizer(0.001)
    # expect: tensorflow-train-adagrad-optimizer-removed
    ada = tf.train.AdagradOptimizer(0.01)
    # expect: tensorflow-train-adadelta-optimizer-removed
    adadelta = tf.train.AdadeltaOptimizer(1.0)
    # expect: tensorflow-train-ftrl-optimizer-removed
    ftrl = tf.train.FtrlOptimizer(0.01)
    # expect: tensorflow-train-adam-optimizer-removed
    other = AdamOptimizer(0.001)
    return train_op, same, sgd, momentum, rms, ada, adadelta, ftrl, other


# expect: tensorflow-train-saver-removed
saver = tf.train.Saver(max_to_keep=5)

# expect: tensorflow-queue-input-pipeline-removed
queue = tf.train.string_input_producer(["a.tfrecord"])
# expect: tensorflow-queue-input-pipeline-removed
images = tf.train.shuffle_batch([queue], batch_size=32, capacity=1000, min_after_dequeue=100)
# expect: tensorflow-queue-input-pipeline-removed
batch = tf.train.batch([queue], batch_size=32)
# expect: tensorflow-queue-input-pipeline-removed
threads = tf.train.start_queue_runners()
