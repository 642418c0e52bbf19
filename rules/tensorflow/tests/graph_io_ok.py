# The TF2 replacements, tf.compat.v1 spellings, and look-alike names.
import tensorflow as tf

counter = tf.Variable(0)
x = tf.constant([1.0, 2.0])
# ok: tensorflow-print-removed
tf.print("x:", x)
# ok: tensorflow-print-removed
print("plain Python print")
# ok: tensorflow-assign-removed
counter.assign(5)
# ok: tensorflow-assign-removed
old = tf.compat.v1.assign_add(counter, 1)
# ok: tensorflow-div-removed
half = tf.math.divide(x, 2.0)
# ok: tensorflow-string-split-removed
words = tf.strings.split(["a b c"], sep=" ")
# ok: tensorflow-sparse-tensor-to-dense-moved
dense = tf.sparse.to_dense(words.to_sparse())
# ok: tensorflow-softmax-cross-entropy-v2-moved
xent = tf.nn.softmax_cross_entropy_with_logits(labels=x, logits=x)
# ok: tensorflow-image-resize-images-removed
small = tf.image.resize(tf.ones([1, 8, 8, 3]), [4, 4])
# ok: tensorflow-image-resize-images-removed
old_small = tf.compat.v1.image.resize_images(tf.ones([1, 8, 8, 3]), [4, 4])

dataset = tf.data.Dataset.range(10).batch(2)
# ok: tensorflow-dataset-one-shot-iterator-removed
iterator = iter(dataset)
# ok: tensorflow-dataset-one-shot-iterator-removed
old_iterator = tf.compat.v1.data.make_one_shot_iterator(dataset)
# ok: tensorflow-auto-reuse-removed
REUSE = tf.compat.v1.AUTO_REUSE
# ok: tensorflow-import-meta-graph-removed
loaded = tf.saved_model.load("/tmp/export")
# ok: tensorflow-graphdef-removed
graph_def = tf.compat.v1.GraphDef()
# ok: tensorflow-convert-variables-to-constants-removed
convert = tf.compat.v1.graph_util.convert_variables_to_constants
# ok: tensorflow-saved-model-v1-removed
tf.saved_model.save(tf.Module(), "/tmp/export")
# ok: tensorflow-saved-model-v1-removed
old_builder = tf.compat.v1.saved_model.builder.SavedModelBuilder("/tmp/export")
# ok: tensorflow-monitored-training-session-removed
manager = tf.train.CheckpointManager(tf.train.Checkpoint(), "/tmp/ckpt", max_to_keep=1)
