# transformers==5.2.0
# Task: fine-tune T5 for summarization with Seq2SeqTrainer.
from transformers import (
    AutoModelForSeq2SeqLM,
    AutoTokenizer,
    DataCollatorForSeq2Seq,
    Seq2SeqTrainer,
    Seq2SeqTrainingArguments,
)

tokenizer = AutoTokenizer.from_pretrained("t5-small")
model = AutoModelForSeq2SeqLM.from_pretrained("t5-small")


def preprocess(batch):
    inputs = tokenizer(["summarize: " + d for d in batch["document"]], max_length=512, truncation=True)
    labels = tokenizer(text_target=batch["summary"], max_length=128, truncation=True)
    inputs["labels"] = labels["input_ids"]
    return inputs


args = Seq2SeqTrainingArguments(
    output_dir="t5-sum",
    eval_strategy="epoch",
    per_device_train_batch_size=8,
    predict_with_generate=True,
    bf16=True,
)
trainer = Seq2SeqTrainer(
    model=model,
    args=args,
    train_dataset=train_ds.map(preprocess, batched=True),
    eval_dataset=eval_ds.map(preprocess, batched=True),
    processing_class=tokenizer,
    data_collator=DataCollatorForSeq2Seq(tokenizer, model=model),
)
trainer.train()
