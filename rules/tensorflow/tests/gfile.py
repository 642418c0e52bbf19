# TensorFlow 1.x file helpers in a project on TensorFlow 2.
import tensorflow as tf

# expect: tensorflow-gfile-exists-moved
if not tf.gfile.Exists("/tmp/out"):
    # expect: tensorflow-gfile-makedirs-moved
    tf.gfile.MakeDirs("/tmp/out")
# expect: tensorflow-gfile-mkdir-moved
tf.gfile.MkDir("/tmp/out/one")
# expect: tensorflow-gfile-glob-moved
files = tf.gfile.Glob("/tmp/data/*.tfrecord")
# expect: tensorflow-gfile-isdirectory-moved
is_dir = tf.gfile.IsDirectory("/tmp/out")
# expect: tensorflow-gfile-listdirectory-moved
names = tf.gfile.ListDirectory("/tmp/out")
# expect: tensorflow-gfile-copy-moved
tf.gfile.Copy("/tmp/a", "/tmp/b", True)
# expect: tensorflow-gfile-rename-moved
tf.gfile.Rename("/tmp/b", "/tmp/c")
# expect: tensorflow-gfile-remove-moved
tf.gfile.Remove("/tmp/c")
# expect: tensorflow-gfile-stat-moved
info = tf.gfile.Stat("/tmp/a")
# expect: tensorflow-gfile-walk-moved
for root, dirs, leaves in tf.gfile.Walk("/tmp/out"):
    pass
# expect: tensorflow-gfile-deleterecursively-moved
tf.gfile.DeleteRecursively("/tmp/out")
# expect: tensorflow-gfile-gfile-moved
with tf.gfile.GFile("/tmp/a", "r") as f:
    text = f.read()
# expect: tensorflow-gfile-open-moved
with tf.gfile.Open("/tmp/a", "rb") as f:
    data = f.read()
# expect: tensorflow-gfile-fastgfile-removed
with tf.gfile.FastGFile("/tmp/graph.pb", "rb") as f:
    graph_bytes = f.read()
