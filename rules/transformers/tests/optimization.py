import torch
import transformers
# expect: transformers-adamw-removed
from transformers import AdamW
# expect: transformers-warmup-schedule-classes-removed
from transformers import WarmupLinearSchedule, get_linear_schedule_with_warmup

model = torch.nn.Linear(2, 2)
# expect: transformers-adamw-removed
opt = AdamW(model.parameters(), lr=1e-3)
# expect: transformers-adamw-removed
opt2 = transformers.AdamW(model.parameters())
# expect: transformers-adamw-removed
opt3 = transformers.optimization.AdamW(model.parameters())
# expect: transformers-warmup-schedule-classes-removed
sched = WarmupLinearSchedule(opt, warmup_steps=10, t_total=100)
# expect: transformers-warmup-schedule-classes-removed
sched2 = transformers.WarmupCosineSchedule(opt, warmup_steps=10, t_total=100)

# ok: transformers-adamw-removed
good = torch.optim.AdamW(model.parameters(), lr=1e-3)
# ok: transformers-warmup-schedule-classes-removed
good_sched = get_linear_schedule_with_warmup(good, num_warmup_steps=10, num_training_steps=100)


class WarmupLinearScheduleLocal:
    pass


# ok: transformers-warmup-schedule-classes-removed
mine = WarmupLinearScheduleLocal()
