import torch
import transformers
from diffusers import StableDiffusionPipeline
from transformers import AutoModelForCausalLM, AutoTokenizer, BitsAndBytesConfig, BertTokenizerFast, pipeline

# expect: use-auth-token-removed
tok = AutoTokenizer.from_pretrained("org/private", token=True)
# expect: use-auth-token-removed
fast = BertTokenizerFast.from_pretrained("org/private", token="hf_xxx")
# expect: use-auth-token-removed
clf = pipeline("text-classification", model="org/private", token=True)
model = AutoModelForCausalLM.from_pretrained(
    "org/llm",
    # expect: from-pretrained-load-in-8bit-removed
    load_in_8bit=True,
    # expect: torch-dtype-deprecated
    dtype=torch.float16,
    device_map="auto",
)
# expect: from-pretrained-load-in-8bit-removed
m4 = transformers.AutoModelForCausalLM.from_pretrained("org/llm", load_in_4bit=True)
# expect: torch-dtype-deprecated
gen = transformers.pipeline("text-generation", model="gpt2", dtype="auto")

# ok: use-auth-token-removed, torch-dtype-deprecated
good = AutoModelForCausalLM.from_pretrained("org/llm", token=True, dtype=torch.bfloat16)
# ok: from-pretrained-load-in-8bit-removed
quant = BitsAndBytesConfig(load_in_4bit=True)
# ok: from-pretrained-load-in-8bit-removed
good4 = AutoModelForCausalLM.from_pretrained("org/llm", quantization_config=quant)
# ok: torch-dtype-deprecated
sd = StableDiffusionPipeline.from_pretrained("org/sd", torch_dtype=torch.float16)


def load(name, use_auth_token=None, torch_dtype=None):
    return name


# ok: use-auth-token-removed, torch-dtype-deprecated
x = load("x", use_auth_token=True, torch_dtype="auto")
