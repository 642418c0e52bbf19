# tensorflow==2.16.1
# Task: read JPEG files listed in a folder into a batched tf.data pipeline.
def load(path):
    image = tf.io.decode_jpeg(tf.io.read_file(path), channels=3)
    image = tf.image.resize(image, [224, 224]) / 255.0
    return image


paths = tf.io.gfile.glob(f"{image_dir}/*.jpg")
dataset = (
    tf.data.Dataset.from_tensor_slices(paths)
    .map(load, num_parallel_calls=tf.data.AUTOTUNE)
    .batch(32)
    .prefetch(tf.data.AUTOTUNE)
)
if not tf.io.gfile.exists(cache_dir):
    tf.io.gfile.makedirs(cache_dir)
