import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import nn as tnn
from torch.nn import init
# expect: torch-nn-init-not-inplace-import-deprecated
from torch.nn.init import kaiming_normal
# expect: torch-clip-grad-norm-import-deprecated
from torch.nn.utils import clip_grad_norm
# expect: torch-stateless-functional-call-import-deprecated
from torch.nn.utils.stateless import functional_call
from torch.nn.utils import stateless

layer = nn.Linear(4, 4)
# expect: torch-nn-init-not-inplace-deprecated
nn.init.xavier_uniform_(layer.weight)
# expect: torch-nn-init-not-inplace-deprecated
init.constant_(layer.bias, 0.0)
# expect: torch-nn-init-not-inplace-deprecated
torch.nn.init.normal_(layer.weight, mean=0.0, std=0.02)
# expect: torch-nn-init-not-inplace-deprecated
tnn.init.orthogonal_(layer.weight)
# expect: torch-nn-init-not-inplace-import-deprecated
kaiming_normal(layer.weight)

# expect: torch-clip-grad-norm-deprecated
nn.utils.clip_grad_norm_(layer.parameters(), 1.0)
# expect: torch-clip-grad-norm-deprecated
torch.nn.utils.clip_grad_norm_(layer.parameters(), max_norm=1.0, norm_type=2)
# expect: torch-clip-grad-norm-import-deprecated
clip_grad_norm(layer.parameters(), 1.0)

x = torch.randn(1, 3, 8, 8)
# expect: torch-f-upsample-deprecated
a = F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)
# expect: torch-f-upsample-deprecated
b = nn.functional.interpolate(x, size=(16, 16))
# expect: torch-f-upsample-nearest-deprecated
c = F.interpolate(x, scale_factor=2, mode="nearest")
# expect: torch-f-upsample-bilinear-deprecated
d = F.interpolate(x, size=(16, 16), mode="bilinear", align_corners=True)

# expect: torch-loss-size-average-reduce-deprecated
crit = nn.MSELoss(size_average=False)
# expect: torch-loss-size-average-reduce-deprecated
crit2 = torch.nn.CrossEntropyLoss(weight=None, reduce=False)
# expect: torch-loss-size-average-reduce-deprecated
crit3 = nn.BCEWithLogitsLoss(reduce=True, size_average=True)
# expect: torch-nllloss2d-deprecated
crit4 = nn.NLLLoss(ignore_index=255)

params = dict(layer.named_parameters())
# expect: torch-stateless-functional-call-deprecated
out = torch.func.functional_call(layer, params, (x,))
# expect: torch-stateless-functional-call-import-deprecated
out2 = functional_call(layer, params, (x,))
# expect: torch-stateless-functional-call-import-deprecated
out3 = stateless.functional_call(layer, params, (x,))

# expect: torch-weight-norm-deprecated
conv = nn.utils.weight_norm(nn.Conv1d(4, 4, 3))

logits = torch.randn(4, 10)
# expect: torch-softmax-implicit-dim-deprecated
p = F.softmax(logits)
# expect: torch-softmax-implicit-dim-deprecated
lp = nn.functional.log_softmax(logits)
# expect: torch-softmax-module-implicit-dim-deprecated
sm = nn.Softmax()
# expect: torch-softmax-module-implicit-dim-deprecated
lsm = torch.nn.LogSoftmax()
# expect: torch-backends-cuda-sdp-kernel-deprecated
with torch.backends.cuda.sdp_kernel(enable_flash=True, enable_math=False):
    pass
