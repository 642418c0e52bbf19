# TF2 file helpers, the tf.compat.v1 spellings, and an application's own gfile helper.
import tensorflow as tf


class gfile:  # noqa: N801 - an application's own helper with the same name
    @staticmethod
    def Exists(path):
        return bool(path)


# ok: tensorflow-gfile-exists-moved
present = gfile.Exists("/tmp/out")
# ok: tensorflow-gfile-exists-moved
exists = tf.io.gfile.exists("/tmp/out")
# ok: tensorflow-gfile-exists-moved
old_exists = tf.compat.v1.gfile.Exists("/tmp/out")
# ok: tensorflow-gfile-makedirs-moved
tf.io.gfile.makedirs("/tmp/out")
# ok: tensorflow-gfile-mkdir-moved
tf.io.gfile.mkdir("/tmp/out/one")
# ok: tensorflow-gfile-glob-moved
files = tf.io.gfile.glob("/tmp/data/*.tfrecord")
# ok: tensorflow-gfile-isdirectory-moved
is_dir = tf.io.gfile.isdir("/tmp/out")
# ok: tensorflow-gfile-listdirectory-moved
names = tf.io.gfile.listdir("/tmp/out")
# ok: tensorflow-gfile-copy-moved
tf.io.gfile.copy("/tmp/a", "/tmp/b", overwrite=True)
# ok: tensorflow-gfile-rename-moved
tf.io.gfile.rename("/tmp/b", "/tmp/c")
# ok: tensorflow-gfile-remove-moved
tf.io.gfile.remove("/tmp/c")
# ok: tensorflow-gfile-stat-moved
info = tf.io.gfile.stat("/tmp/a")
# ok: tensorflow-gfile-walk-moved
walker = tf.io.gfile.walk("/tmp/out")
# ok: tensorflow-gfile-deleterecursively-moved
tf.io.gfile.rmtree("/tmp/out")
# ok: tensorflow-gfile-gfile-moved
reader = tf.io.gfile.GFile("/tmp/a", "r")
# ok: tensorflow-gfile-open-moved
old_reader = tf.compat.v1.gfile.Open("/tmp/a", "r")
# ok: tensorflow-gfile-fastgfile-removed
fast = tf.compat.v1.gfile.FastGFile("/tmp/graph.pb", "rb")
