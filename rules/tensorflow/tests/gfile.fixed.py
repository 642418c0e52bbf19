# TensorFlow 1.x file helpers in a project on TensorFlow 2.
import tensorflow as tf

# expect: tensorflow-gfile-exists-moved
if not tf.io.gfile.exists("/tmp/out"):
    # expect: tensorflow-gfile-makedirs-moved
    tf.io.gfile.makedirs("/tmp/out")
# expect: tensorflow-gfile-mkdir-moved
tf.io.gfile.mkdir("/tmp/out/one")
# expect: tensorflow-gfile-glob-moved
files = tf.io.gfile.glob("/tmp/data/*.tfrecord")
# expect: tensorflow-gfile-isdirectory-moved
is_dir = tf.io.gfile.isdir("/tmp/out")
# expect: tensorflow-gfile-listdirectory-moved
names = tf.io.gfile.listdir("/tmp/out")
# expect: tensorflow-gfile-copy-moved
tf.io.gfile.copy("/tmp/a", "/tmp/b", True)
# expect: tensorflow-gfile-rename-moved
tf.io.gfile.rename("/tmp/b", "/tmp/c")
# expect: tensorflow-gfile-remove-moved
tf.io.gfile.remove("/tmp/c")
# expect: tensorflow-gfile-stat-moved
info = tf.io.gfile.stat("/tmp/a")
# expect: tensorflow-gfile-walk-moved
for root, dirs, leaves in tf.io.gfile.walk("/tmp/out"):
    pass
# expect: tensorflow-gfile-deleterecursively-moved
tf.io.gfile.rmtree("/tmp/out")
# expect: tensorflow-gfile-gfile-moved
with tf.io.gfile.GFile("/tmp/a", "r") as f:
    text = f.read()
# expect: tensorflow-gfile-open-moved
with tf.io.gfile.GFile("/tmp/a", "rb") as f:
    data = f.read()
# expect: tensorflow-gfile-fastgfile-removed
with tf.gfile.FastGFile("/tmp/graph.pb", "rb") as f:
    graph_bytes = f.read()
