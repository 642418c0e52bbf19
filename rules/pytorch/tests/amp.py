import torch
import torch as th
# expect: torch-cuda-amp-autocast-deprecated
from torch.cuda.amp import autocast
# expect: torch-cuda-amp-gradscaler-import-deprecated
from torch.cuda.amp import GradScaler
from torch.cuda import amp

# expect: torch-cuda-amp-gradscaler-deprecated
scaler = torch.cuda.amp.GradScaler()
# expect: torch-cuda-amp-gradscaler-deprecated
scaler2 = th.cuda.amp.GradScaler(init_scale=1024, growth_interval=100)
# expect: torch-cuda-amp-gradscaler-deprecated
scaler3 = torch.cuda.amp.GradScaler(2.0**10, 2.0)
# expect: torch-cuda-amp-gradscaler-import-deprecated
scaler4 = GradScaler()
# expect: torch-cuda-amp-gradscaler-import-deprecated
scaler5 = amp.GradScaler(enabled=True)


def train_step(model, x):
    # expect: torch-cuda-amp-autocast-deprecated
    with torch.cuda.amp.autocast():
        y = model(x)
    # expect: torch-cuda-amp-autocast-deprecated
    with autocast(dtype=torch.bfloat16):
        y = model(x)
    # expect: torch-cpu-amp-autocast-deprecated
    with torch.cpu.amp.autocast():
        y = model(x)
    return y


# expect: torch-cpu-amp-gradscaler-deprecated
cpu_scaler = torch.cpu.amp.GradScaler()


class MyFn(torch.autograd.Function):
    @staticmethod
    # expect: torch-cuda-amp-custom-fwd-bwd-deprecated
    @torch.cuda.amp.custom_fwd(cast_inputs=torch.float32)
    def forward(ctx, x):
        return x

    @staticmethod
    # expect: torch-cuda-amp-custom-fwd-bwd-deprecated
    @torch.cuda.amp.custom_bwd
    def backward(ctx, g):
        return g
