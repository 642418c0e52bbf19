# transformers==5.0.0
# Task: fine-tune BERT for sentiment classification on IMDB with the Trainer API.
from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, AutoTokenizer, Trainer, TrainingArguments

dataset = load_dataset("imdb")
tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")
model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=2)
tokenized = dataset.map(lambda b: tokenizer(b["text"], truncation=True, padding="max_length"), batched=True)

args = TrainingArguments(
    output_dir="./results",
    # deprecated: TrainingArguments(evaluation_strategy=)
    evaluation_strategy="epoch",
    learning_rate=2e-5,
    per_device_train_batch_size=16,
    num_train_epochs=3,
    weight_decay=0.01,
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=tokenized["train"],
    eval_dataset=tokenized["test"],
    # deprecated: Trainer(tokenizer=)
    tokenizer=tokenizer,
)
trainer.train()
