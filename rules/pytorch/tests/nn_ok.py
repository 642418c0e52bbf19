import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.func import functional_call
from torch.nn.init import kaiming_normal_


class MyLoss(nn.Module):
    def __init__(self, size_average=True, reduce=True):
        super().__init__()


def normal(x):
    return x


layer = nn.Linear(4, 4)
# ok: torch-nn-init-not-inplace-deprecated
nn.init.xavier_uniform_(layer.weight)
# ok: torch-nn-init-not-inplace-deprecated
nn.init.zeros_(layer.bias)
# ok: torch-nn-init-not-inplace-deprecated
torch.distributions.Normal(0.0, 1.0)
# ok: torch-nn-init-not-inplace-deprecated
w = torch.normal(0.0, 1.0, size=(3,))
# ok: torch-nn-init-not-inplace-import-deprecated
kaiming_normal_(layer.weight)
# ok: torch-nn-init-not-inplace-import-deprecated
v = normal(3)
# ok: torch-clip-grad-norm-deprecated
nn.utils.clip_grad_norm_(layer.parameters(), 1.0)
# ok: torch-clip-grad-norm-import-deprecated
torch.nn.utils.clip_grad_value_(layer.parameters(), 1.0)

x = torch.randn(1, 3, 8, 8)
# ok: torch-f-upsample-deprecated
a = F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)
# ok: torch-f-upsample-deprecated
up = nn.Upsample(scale_factor=2)
# ok: torch-f-upsample-nearest-deprecated
b = nn.UpsamplingNearest2d(scale_factor=2)
# ok: torch-f-upsample-bilinear-deprecated
c = F.interpolate(x, size=(16, 16), mode="bilinear", align_corners=True)
# ok: torch-f-upsample-deprecated
s = torch.sigmoid(x)

# ok: torch-loss-size-average-reduce-deprecated
crit = nn.MSELoss(reduction="sum")
# ok: torch-loss-size-average-reduce-deprecated
crit2 = MyLoss(size_average=False)
# ok: torch-loss-size-average-reduce-deprecated
crit3 = nn.CrossEntropyLoss(label_smoothing=0.1)
# ok: torch-nllloss2d-deprecated
crit4 = nn.NLLLoss(ignore_index=255)

params = dict(layer.named_parameters())
# ok: torch-stateless-functional-call-deprecated
out = torch.func.functional_call(layer, params, (x,))
# ok: torch-stateless-functional-call-import-deprecated
out2 = functional_call(layer, params, (x,))

# ok: torch-weight-norm-deprecated
conv = nn.utils.parametrizations.weight_norm(nn.Conv1d(4, 4, 3))

logits = torch.randn(4, 10)
# ok: torch-softmax-implicit-dim-deprecated
p = F.softmax(logits, dim=-1)
# ok: torch-softmax-implicit-dim-deprecated
lp = F.log_softmax(logits, 1)
# ok: torch-softmax-implicit-dim-deprecated
q = torch.softmax(logits, -1)
# ok: torch-softmax-implicit-dim-deprecated
r = logits.softmax(-1)
# ok: torch-softmax-module-implicit-dim-deprecated
sm = nn.Softmax(dim=-1)
# ok: torch-softmax-module-implicit-dim-deprecated
lsm = nn.LogSoftmax(1)
# ok: torch-softmax-module-implicit-dim-deprecated
relu = nn.ReLU()
from torch.nn.attention import SDPBackend, sdpa_kernel

# ok: torch-backends-cuda-sdp-kernel-deprecated
with sdpa_kernel(SDPBackend.FLASH_ATTENTION):
    pass


def apply_softmax(*args, **kwargs):
    # ok: torch-softmax-implicit-dim-deprecated
    a = F.softmax(*args)
    # ok: torch-softmax-implicit-dim-deprecated
    return F.softmax(**kwargs)


# ok: torch-softmax-module-implicit-dim-deprecated
class MySoftmax(nn.Softmax):
    pass


# ok: torch-softmax-module-implicit-dim-deprecated
ACTIVATIONS = [nn.ReLU, nn.Softmax, nn.Tanh]
