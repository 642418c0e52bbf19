import math

import torch
from torch.testing import assert_close, make_tensor

# ok: torch-six-removed
limit = math.inf
# ok: torch-testing-helpers-removed
t = torch.rand(3, 3)
# ok: torch-testing-helpers-removed
n = torch.randn(3)
# ok: torch-testing-helpers-removed
u = make_tensor((3, 3), dtype=torch.float32, device="cpu", noncontiguous=True)
# ok: torch-testing-assert-allclose-deprecated
torch.testing.assert_close(t, t)
# ok: torch-testing-assert-allclose-deprecated
assert_close(t, t, rtol=1e-3, atol=1e-3)
# ok: torch-set-default-tensor-type-deprecated
torch.set_default_dtype(torch.float64)
# ok: torch-set-default-tensor-type-deprecated
torch.set_default_device("cpu")
# ok: torch-cuda-memory-cached-renamed
reserved = torch.cuda.memory_reserved()
# ok: torch-cuda-max-memory-cached-renamed
peak = torch.cuda.max_memory_reserved()
# ok: torch-cuda-reset-max-memory-deprecated
torch.cuda.reset_peak_memory_stats()
# ok: torch-cuda-max-memory-cached-renamed
alloc = torch.cuda.max_memory_allocated()

import torch.distributed.checkpoint as dcp

model = torch.nn.Linear(2, 2)
# ok: torch-dcp-state-dict-functions-deprecated
dcp.load({"model": model.state_dict()}, checkpoint_id="ckpt")
# ok: torch-dcp-state-dict-functions-deprecated
dcp.save({"model": model.state_dict()}, checkpoint_id="ckpt")
# ok: torch-dcp-state-dict-functions-deprecated
model.load_state_dict(model.state_dict())


# ok: torch-library-impl-abstract-renamed
@torch.library.register_fake("mylib::custom_linear")
def custom_linear_fake(x, w):
    return x.new_empty(x.shape[0], w.shape[0])
