# tensorflow==2.16.1
# Task: list the TFRecord shards in a bucket folder and log how many there are.
# deprecated: tf.logging.set_verbosity
tf.logging.set_verbosity(tf.compat.v1.logging.INFO)
# deprecated: tf.gfile.Exists
if not tf.gfile.Exists(output_dir):
    # deprecated: tf.gfile.MakeDirs
    tf.gfile.MakeDirs(output_dir)
# deprecated: tf.gfile.Glob
shards = tf.gfile.Glob(f"{input_dir}/*.tfrecord")
# deprecated: tf.logging.info
tf.logging.info("found %d shards", len(shards))
# deprecated: tf.gfile.GFile
with tf.gfile.GFile(f"{output_dir}/shards.txt", "w") as f:
    f.write("\n".join(shards))
