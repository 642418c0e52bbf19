"""Numerical helpers written with TensorFlow 2 ops."""
import numpy as np
import tensorflow as tf


@tf.function
def log_softmax_entropy(logits: tf.Tensor) -> tf.Tensor:
    log_probs = tf.nn.log_softmax(logits, axis=-1)
    return -tf.reduce_sum(tf.exp(log_probs) * log_probs, axis=-1)


def whiten(x: tf.Tensor) -> tf.Tensor:
    mean, variance = tf.nn.moments(x, axes=[0], keepdims=True)
    return (x - mean) * tf.math.rsqrt(variance + 1e-6)


def solve(a: np.ndarray, b: np.ndarray) -> tf.Tensor:
    a_t = tf.convert_to_tensor(a, dtype=tf.float64)
    b_t = tf.convert_to_tensor(b, dtype=tf.float64)
    inv = tf.linalg.inv(a_t)
    det = tf.linalg.det(a_t)
    s = tf.linalg.svd(a_t, compute_uv=False)
    tf.debugging.assert_greater(tf.abs(det), tf.constant(0.0, tf.float64))
    return tf.matmul(inv, b_t), s


def spectrum(signal: tf.Tensor) -> tf.Tensor:
    return tf.abs(tf.signal.rfft(signal))


def sample(logits: tf.Tensor, n: int) -> tf.Tensor:
    return tf.random.categorical(logits, n, dtype=tf.int32, seed=7)


def py_side(x: tf.Tensor) -> tf.Tensor:
    return tf.numpy_function(lambda a: np.log1p(a), [x], tf.float32)


def finite_mean(x: tf.Tensor) -> tf.Tensor:
    mask = tf.logical_not(tf.math.is_nan(x))
    clean = tf.boolean_mask(x, mask)
    return tf.reduce_mean(tf.math.log(1.0 + tf.abs(clean)))


def normalize_rows(x: tf.Tensor) -> tf.Tensor:
    x = tf.expand_dims(x, axis=0)
    x = tf.nn.l2_normalize(x, axis=-1)
    dropped = tf.nn.dropout(x, rate=0.1)
    return tf.squeeze(dropped, axis=[0])


def conv(images: tf.Tensor, kernel: tf.Tensor) -> tf.Tensor:
    return tf.nn.conv2d(images, filters=kernel, strides=1, padding="SAME")


def to_float(x):
    """An application's own helper that shares a TF1 name."""
    return tf.cast(x, tf.float32)


values = to_float(tf.range(10))
