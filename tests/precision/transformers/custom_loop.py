"""A plain PyTorch training loop around a Transformers model."""

import torch
from torch.optim import AdamW
from torch.utils.data import DataLoader
from transformers import AutoModelForCausalLM, AutoTokenizer, get_linear_schedule_with_warmup, get_scheduler


def train(texts: list[str], model_name: str = "gpt2", epochs: int = 1) -> None:
    device = "cuda" if torch.cuda.is_available() else "cpu"
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(model_name, dtype="auto").to(device)

    encodings = tokenizer(texts, truncation=True, padding=True, max_length=128, return_tensors="pt")
    dataset = torch.utils.data.TensorDataset(encodings["input_ids"], encodings["attention_mask"])
    loader = DataLoader(dataset, batch_size=4, shuffle=True)

    optimizer = AdamW(model.parameters(), lr=5e-5, weight_decay=0.01)
    total = len(loader) * epochs
    scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=total // 10, num_training_steps=total)
    alt = get_scheduler("cosine", optimizer=optimizer, num_warmup_steps=0, num_training_steps=total)
    del alt

    model.train()
    for _ in range(epochs):
        for input_ids, attention_mask in loader:
            input_ids, attention_mask = input_ids.to(device), attention_mask.to(device)
            outputs = model(input_ids=input_ids, attention_mask=attention_mask, labels=input_ids)
            outputs.loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()

    model.save_pretrained("out/gpt2-finetuned")
    tokenizer.save_pretrained("out/gpt2-finetuned")
