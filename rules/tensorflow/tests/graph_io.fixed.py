# More TensorFlow 1.x names in a project on TensorFlow 2.
import tensorflow as tf

counter = tf.Variable(0)
x = tf.constant([1.0, 2.0])
# expect: tensorflow-print-removed
x = tf.Print(x, [x], "x: ")
# expect: tensorflow-assign-removed
update = tf.assign(counter, 5)
# expect: tensorflow-assign-removed
step = tf.assign_add(counter, 1)
# expect: tensorflow-div-removed
half = tf.div(x, 2.0)
# expect: tensorflow-string-split-removed
words = tf.string_split(["a b c"], delimiter=" ")
# expect: tensorflow-sparse-tensor-to-dense-moved
dense = tf.sparse.to_dense(words)
# expect: tensorflow-softmax-cross-entropy-v2-moved
xent = tf.nn.softmax_cross_entropy_with_logits(labels=x, logits=x)
# expect: tensorflow-image-resize-images-removed
small = tf.image.resize_images(tf.ones([1, 8, 8, 3]), [4, 4])

dataset = tf.data.Dataset.range(10).batch(2)
# expect: tensorflow-dataset-one-shot-iterator-removed
iterator = dataset.make_one_shot_iterator()
# expect: tensorflow-dataset-one-shot-iterator-removed
init_it = dataset.make_initializable_iterator()
next_batch = iterator.get_next()

# expect: tensorflow-auto-reuse-removed
REUSE = tf.AUTO_REUSE
# expect: tensorflow-import-meta-graph-removed
restorer = tf.train.import_meta_graph("model.ckpt.meta")
# expect: tensorflow-graphdef-removed
graph_def = tf.GraphDef()
# expect: tensorflow-convert-variables-to-constants-removed
frozen = tf.graph_util.convert_variables_to_constants(None, graph_def, ["out"])
# expect: tensorflow-saved-model-v1-removed
tf.saved_model.simple_save(None, "/tmp/export", {"x": x}, {"y": x})
# expect: tensorflow-saved-model-v1-removed
builder = tf.saved_model.builder.SavedModelBuilder("/tmp/export")
# expect: tensorflow-saved-model-v1-removed
tf.saved_model.loader.load(None, ["serve"], "/tmp/export")
# expect: tensorflow-monitored-training-session-removed
with tf.train.MonitoredTrainingSession(checkpoint_dir="/tmp/ckpt") as sess:
    pass
