# transformers==4.57.1
# Task: write a manual PyTorch training loop for GPT-2 with a warmup schedule.
# deprecated: transformers.AdamW
from transformers import AdamW, GPT2LMHeadModel, GPT2TokenizerFast, get_linear_schedule_with_warmup

tokenizer = GPT2TokenizerFast.from_pretrained("gpt2")
model = GPT2LMHeadModel.from_pretrained("gpt2").cuda()
# deprecated: transformers.AdamW
optimizer = AdamW(model.parameters(), lr=5e-5, correct_bias=False)
scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=100, num_training_steps=len(loader))
for batch in loader:
    outputs = model(**batch, labels=batch["input_ids"])
    outputs.loss.backward()
    optimizer.step()
    scheduler.step()
    optimizer.zero_grad()
