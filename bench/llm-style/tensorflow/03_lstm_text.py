# tensorflow==2.16.1
# Task: build an LSTM text classifier over embedded token ids.
def text_model(token_ids, lengths, vocab_size, num_classes):
    # deprecated: tf.get_variable
    embeddings = tf.get_variable("embeddings", [vocab_size, 128])
    inputs = tf.nn.embedding_lookup(embeddings, token_ids)
    # deprecated: tf.nn.rnn_cell.LSTMCell
    cell = tf.nn.rnn_cell.LSTMCell(256)
    # deprecated: tf.nn.dynamic_rnn
    outputs, state = tf.nn.dynamic_rnn(cell, inputs, sequence_length=lengths, dtype=tf.float32)
    # deprecated: tf.layers.dense
    logits = tf.layers.dense(state.h, num_classes)
    # deprecated: tf.nn.dropout keep_prob
    logits = tf.nn.dropout(logits, keep_prob=0.9)
    return logits
