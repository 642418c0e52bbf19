import torch
import transformers
from diffusers import AutoModel

# ok: torch-dtype-deprecated
unet = AutoModel.from_pretrained("org/sd", subfolder="unet", torch_dtype=torch.float16)
