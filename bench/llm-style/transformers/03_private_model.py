# transformers==5.2.0
# Task: load a gated Llama model in 8-bit and generate text.
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

model_id = "meta-llama/Llama-2-7b-hf"
# deprecated: from_pretrained(use_auth_token=)
tokenizer = AutoTokenizer.from_pretrained(model_id, use_auth_token=True)
model = AutoModelForCausalLM.from_pretrained(
    model_id,
    # deprecated: from_pretrained(load_in_8bit=)
    load_in_8bit=True,
    device_map="auto",
    # deprecated: from_pretrained(torch_dtype=)
    torch_dtype=torch.float16,
)
inputs = tokenizer("The capital of France is", return_tensors="pt").to(model.device)
print(tokenizer.decode(model.generate(**inputs, max_new_tokens=20)[0]))
