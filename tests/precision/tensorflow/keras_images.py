"""Image classification with the Keras functional API and a tf.data pipeline."""
import tensorflow as tf

IMG_SIZE = 64
NUM_CLASSES = 5


def decode(path: tf.Tensor, label: tf.Tensor):
    raw = tf.io.read_file(path)
    image = tf.io.decode_jpeg(raw, channels=3)
    image = tf.image.resize(image, [IMG_SIZE, IMG_SIZE])
    image = tf.image.convert_image_dtype(image, tf.float32)
    return image, label


def augment(image: tf.Tensor, label: tf.Tensor):
    image = tf.image.random_flip_left_right(image)
    image = tf.image.random_brightness(image, max_delta=0.1)
    noise = tf.random.truncated_normal(tf.shape(image), stddev=0.01)
    return tf.clip_by_value(image + noise, 0.0, 1.0), label


def build_dataset(pattern: str, training: bool) -> tf.data.Dataset:
    paths = tf.io.gfile.glob(pattern)
    labels = [hash(p.split("/")[-2]) % NUM_CLASSES for p in paths]
    ds = tf.data.Dataset.from_tensor_slices((paths, labels))
    if training:
        ds = ds.shuffle(len(paths))
    ds = ds.map(decode, num_parallel_calls=tf.data.AUTOTUNE)
    if training:
        ds = ds.map(augment, num_parallel_calls=tf.data.AUTOTUNE)
    return ds.batch(32).prefetch(tf.data.AUTOTUNE)


def build_model() -> tf.keras.Model:
    inputs = tf.keras.Input(shape=(IMG_SIZE, IMG_SIZE, 3))
    x = tf.keras.layers.Conv2D(32, 3, activation="relu")(inputs)
    x = tf.keras.layers.MaxPooling2D()(x)
    x = tf.keras.layers.Conv2D(64, 3, activation="relu")(x)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    x = tf.keras.layers.Dropout(0.3)(x)
    outputs = tf.keras.layers.Dense(NUM_CLASSES)(x)
    model = tf.keras.Model(inputs, outputs)
    model.compile(
        optimizer=tf.keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True),
        loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    return model


def run(data_dir: str) -> None:
    gpus = tf.config.list_physical_devices("GPU")
    for gpu in gpus:
        tf.config.experimental.set_memory_growth(gpu, True)
    train = build_dataset(f"{data_dir}/train/*/*.jpg", training=True)
    val = build_dataset(f"{data_dir}/val/*/*.jpg", training=False)
    model = build_model()
    callbacks = [
        tf.keras.callbacks.TensorBoard(log_dir="/tmp/tb"),
        tf.keras.callbacks.EarlyStopping(patience=2, restore_best_weights=True),
    ]
    model.fit(train, validation_data=val, epochs=10, callbacks=callbacks)
    for root, _dirs, files in tf.io.gfile.walk(data_dir):
        print(root, len(files))
    with tf.io.gfile.GFile("/tmp/summary.txt", "w") as f:
        model.summary(print_fn=lambda line: f.write(line + "\n"))
