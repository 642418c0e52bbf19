# transformers==5.0.0
# Task: fine-tune a BERT classifier with Keras.
import tensorflow as tf
# deprecated: transformers.TFAutoModelForSequenceClassification
from transformers import AutoTokenizer, TFAutoModelForSequenceClassification

tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")
model = TFAutoModelForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=2)
enc = tokenizer(texts, padding=True, truncation=True, return_tensors="tf")
model.compile(optimizer=tf.keras.optimizers.Adam(3e-5), loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(dict(enc), labels, epochs=2)
