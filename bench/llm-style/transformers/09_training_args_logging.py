# transformers==5.16.0
# Task: set up TrainingArguments for a token-classification run with TensorBoard logging.
from transformers import AutoModelForTokenClassification, Trainer, TrainingArguments

model = AutoModelForTokenClassification.from_pretrained("bert-base-cased", num_labels=9)
training_args = TrainingArguments(
    output_dir="./ner-model",
    # deprecated: TrainingArguments(overwrite_output_dir=)
    overwrite_output_dir=True,
    num_train_epochs=3,
    per_device_train_batch_size=16,
    # deprecated: TrainingArguments(warmup_ratio=)
    warmup_ratio=0.1,
    weight_decay=0.01,
    # deprecated: TrainingArguments(logging_dir=)
    logging_dir="./logs",
    logging_steps=50,
    eval_strategy="steps",
    report_to="tensorboard",
)
trainer = Trainer(model=model, args=training_args, train_dataset=train_ds, eval_dataset=val_ds)
trainer.train()
