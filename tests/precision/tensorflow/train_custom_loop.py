"""Train a small classifier with a custom tf.function training loop (TensorFlow 2.16)."""
import logging
import os

import tensorflow as tf

logger = tf.get_logger()
logger.setLevel(logging.INFO)

BATCH_SIZE = 64
EPOCHS = 3
LOG_DIR = "/tmp/tf-logs"
CKPT_DIR = "/tmp/tf-ckpt"


def make_dataset(num_examples: int = 1024) -> tf.data.Dataset:
    tf.random.set_seed(1234)
    features = tf.random.normal([num_examples, 20])
    weights = tf.random.uniform([20, 1], minval=-1.0, maxval=1.0)
    logits = tf.squeeze(tf.matmul(features, weights), axis=-1)
    labels = tf.cast(logits > 0, tf.int32)
    dataset = tf.data.Dataset.from_tensor_slices((features, labels))
    return dataset.shuffle(num_examples).batch(BATCH_SIZE).prefetch(tf.data.AUTOTUNE)


class Classifier(tf.keras.Model):
    def __init__(self, hidden: int = 32, num_classes: int = 2):
        super().__init__()
        self.hidden = tf.keras.layers.Dense(hidden, activation="relu")
        self.dropout = tf.keras.layers.Dropout(0.2)
        self.out = tf.keras.layers.Dense(num_classes)

    def call(self, inputs, training=False):
        x = self.hidden(inputs)
        x = self.dropout(x, training=training)
        return self.out(x)


def main() -> None:
    model = Classifier()
    schedule = tf.keras.optimizers.schedules.ExponentialDecay(1e-2, decay_steps=100, decay_rate=0.9)
    optimizer = tf.keras.optimizers.Adam(learning_rate=schedule)
    loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    train_acc = tf.keras.metrics.SparseCategoricalAccuracy()

    ckpt = tf.train.Checkpoint(model=model, optimizer=optimizer)
    manager = tf.train.CheckpointManager(ckpt, CKPT_DIR, max_to_keep=3)
    if manager.latest_checkpoint:
        ckpt.restore(manager.latest_checkpoint)

    if not tf.io.gfile.exists(LOG_DIR):
        tf.io.gfile.makedirs(LOG_DIR)
    writer = tf.summary.create_file_writer(LOG_DIR)

    @tf.function(input_signature=[
        tf.TensorSpec(shape=[None, 20], dtype=tf.float32),
        tf.TensorSpec(shape=[None], dtype=tf.int32),
    ])
    def train_step(x, y):
        with tf.GradientTape() as tape:
            logits = model(x, training=True)
            loss = loss_fn(y, logits)
            loss += tf.add_n(model.losses) if model.losses else 0.0
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        train_acc.update_state(y, logits)
        return loss

    for epoch in range(EPOCHS):
        train_acc.reset_state()
        for x, y in make_dataset():
            loss = train_step(x, y)
            with writer.as_default():
                tf.summary.scalar("loss", loss, step=optimizer.iterations)
        logger.info("epoch %d accuracy %.3f", epoch, float(train_acc.result()))
        manager.save()

    probs = tf.nn.softmax(model(tf.random.normal([4, 20])), axis=-1)
    predictions = tf.argmax(probs, axis=1)
    mean_conf = tf.reduce_mean(tf.reduce_max(probs, axis=1, keepdims=True))
    logger.info("predictions %s, mean confidence %.3f", predictions.numpy(), float(mean_conf))
    model.save_weights(os.path.join(CKPT_DIR, "final.weights.h5"))


if __name__ == "__main__":
    main()
