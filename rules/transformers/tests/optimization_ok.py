import torch
from torch.optim import AdamW
from transformers import get_linear_schedule_with_warmup

model = torch.nn.Linear(2, 2)
# ok: transformers-adamw-removed
optimizer = AdamW(model.parameters(), lr=5e-5, eps=1e-6, weight_decay=0.0)
# ok: transformers-warmup-schedule-classes-removed
scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=10, num_training_steps=100)
