# tensorflow==2.16.1
# Task: write a custom training loop with tf.GradientTape and TensorBoard logging.
optimizer = tf.keras.optimizers.Adam(learning_rate=1e-3)
loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
writer = tf.summary.create_file_writer("logs")


@tf.function
def train_step(images, labels):
    with tf.GradientTape() as tape:
        logits = model(images, training=True)
        loss = loss_fn(labels, logits)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for step, (images, labels) in enumerate(dataset):
    loss = train_step(images, labels)
    with writer.as_default():
        tf.summary.scalar("loss", loss, step=step)
