import transformers
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")
# expect: encode-plus-removed
enc = tokenizer.encode_plus("hello world", max_length=32, truncation=True, return_tensors="pt")
# expect: encode-plus-removed
batch = tokenizer.batch_encode_plus(["a", "b"], padding=True)

# ok: encode-plus-removed
good = tokenizer("hello world", max_length=32, truncation=True, return_tensors="pt")
# ok: encode-plus-removed
ids = tokenizer.encode("hello world")
