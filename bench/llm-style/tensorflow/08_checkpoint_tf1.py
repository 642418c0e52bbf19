# tensorflow==2.16.1
# Task: train with Adam and an exponentially decaying learning rate, saving checkpoints.
# deprecated: tf.train.get_or_create_global_step
global_step = tf.train.get_or_create_global_step()
# deprecated: tf.train.exponential_decay
lr = tf.train.exponential_decay(1e-3, global_step, 10000, 0.96, staircase=True)
# deprecated: tf.train.AdamOptimizer
train_op = tf.train.AdamOptimizer(lr).minimize(loss, global_step=global_step)
# deprecated: tf.train.Saver
saver = tf.train.Saver(max_to_keep=3)
# deprecated: tf.summary.merge_all
merged = tf.summary.merge_all()
# deprecated: tf.Session
with tf.Session() as sess:
    # deprecated: tf.summary.FileWriter
    writer = tf.summary.FileWriter("logs", sess.graph)
    # deprecated: tf.global_variables_initializer
    sess.run(tf.global_variables_initializer())
    for step in range(1000):
        summary, _ = sess.run([merged, train_op])
        writer.add_summary(summary, step)
        if step % 100 == 0:
            saver.save(sess, "ckpt/model", global_step=step)
