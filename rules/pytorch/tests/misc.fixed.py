import torch
# expect: torch-six-removed
from torch._six import string_classes, inf
# expect: torch-testing-assert-allclose-deprecated
from torch.testing import assert_allclose

# expect: torch-six-removed
if isinstance(x, torch._six.string_classes):
    pass

# expect: torch-testing-helpers-removed
t = torch.testing.rand(3, 3)
# expect: torch-testing-helpers-removed
u = torch.testing.make_non_contiguous(t)
# expect: torch-testing-helpers-removed
devices = torch.testing.get_all_device_types()
# expect: torch-testing-assert-allclose-deprecated
torch.testing.assert_allclose(t, t)
# expect: torch-testing-assert-allclose-deprecated
assert_allclose(t, t, rtol=1e-3, atol=1e-3)

# expect: torch-set-default-tensor-type-deprecated
torch.set_default_tensor_type(torch.DoubleTensor)

# expect: torch-cuda-memory-cached-renamed
cached = torch.cuda.memory_reserved()
# expect: torch-cuda-max-memory-cached-renamed
peak = torch.cuda.max_memory_reserved(0)
# expect: torch-cuda-reset-max-memory-deprecated
torch.cuda.reset_max_memory_allocated()
# expect: torch-cuda-reset-max-memory-deprecated
torch.cuda.reset_max_memory_cached(0)

import torch.distributed.checkpoint as dcp

# expect: torch-dcp-state-dict-functions-deprecated
dcp.load_state_dict(state, storage_reader=dcp.FileSystemReader("ckpt"))
# expect: torch-dcp-state-dict-functions-deprecated
dcp.save_state_dict(state, dcp.FileSystemWriter("ckpt"))


# expect: torch-library-impl-abstract-renamed
@torch.library.register_fake("mylib::custom_linear")
def custom_linear_abstract(x, w):
    return x.new_empty(x.shape[0], w.shape[0])
