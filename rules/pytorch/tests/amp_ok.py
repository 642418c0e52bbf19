import torch
from torch.amp import GradScaler, autocast

# ok: torch-cuda-amp-gradscaler-deprecated
scaler = torch.amp.GradScaler("cuda")
# ok: torch-cuda-amp-gradscaler-import-deprecated
scaler2 = GradScaler("cuda", init_scale=1024)


def train_step(model, x, optimizer):
    # ok: torch-cuda-amp-autocast-deprecated
    with torch.amp.autocast("cuda", dtype=torch.float16):
        y = model(x)
    # ok: torch-cuda-amp-autocast-deprecated
    with torch.autocast(device_type="cuda"):
        y = model(x)
    # ok: torch-cuda-amp-autocast-deprecated
    with autocast("cuda"):
        y = model(x)
    # ok: torch-cpu-amp-autocast-deprecated
    with torch.autocast("cpu", dtype=torch.bfloat16):
        y = model(x)
    return y


class MyFn(torch.autograd.Function):
    @staticmethod
    # ok: torch-cuda-amp-custom-fwd-bwd-deprecated
    @torch.amp.custom_fwd(device_type="cuda", cast_inputs=torch.float32)
    def forward(ctx, x):
        return x

    @staticmethod
    # ok: torch-cuda-amp-custom-fwd-bwd-deprecated
    @torch.amp.custom_bwd(device_type="cuda")
    def backward(ctx, g):
        return g


# ok: torch-cpu-amp-gradscaler-deprecated
cpu_scaler = torch.amp.GradScaler("cpu")
from torch import amp

# ok: torch-cuda-amp-gradscaler-import-deprecated
scaler3 = amp.GradScaler("cuda")
# ok: torch-cuda-amp-autocast-deprecated
ctx = amp.autocast("cuda")
