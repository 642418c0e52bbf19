# transformers==5.0.0
# Task: continue pretraining GPT-2 on a text file.
from transformers import (
    # deprecated: transformers.AutoModelWithLMHead
    AutoModelWithLMHead,
    AutoTokenizer,
    DataCollatorForLanguageModeling,
    # deprecated: transformers.TextDataset
    TextDataset,
    Trainer,
    TrainingArguments,
)

tokenizer = AutoTokenizer.from_pretrained("gpt2")
# deprecated: transformers.AutoModelWithLMHead
model = AutoModelWithLMHead.from_pretrained("gpt2")
# deprecated: transformers.TextDataset
train_dataset = TextDataset(tokenizer=tokenizer, file_path="train.txt", block_size=128)
collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)
# deprecated: TrainingArguments(no_cuda=)
args = TrainingArguments(output_dir="gpt2-ft", num_train_epochs=1, no_cuda=True)
Trainer(model=model, args=args, data_collator=collator, train_dataset=train_dataset).train()
