import transformers
from transformers import Seq2SeqTrainer, Trainer, TrainingArguments

args = TrainingArguments("out")
# expect: trainer-tokenizer-argument-removed
trainer = Trainer(model=None, args=args, tokenizer=None)
# expect: trainer-tokenizer-argument-removed
s2s = Seq2SeqTrainer(model=None, args=args, tokenizer=None)
# expect: trainer-tokenizer-argument-removed
t2 = transformers.Trainer(None, args, tokenizer=None)

# ok: trainer-tokenizer-argument-removed
good = Trainer(model=None, args=args, processing_class=None)
# ok: trainer-tokenizer-argument-removed
collator = transformers.DataCollatorWithPadding(tokenizer=None)
