from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("microsoft/layoutlmv3-base")
# ok: encode-plus-removed
enc = tokenizer.encode_plus(["hello", "world"], boxes=[[0, 0, 1, 1], [1, 1, 2, 2]])
