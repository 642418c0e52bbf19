"""Tests in the style of a modern PyTorch project (pytest + torch.testing.assert_close)."""

import torch
import torch.nn as nn
from torch.func import functional_call
from torch.nn.utils.parametrizations import weight_norm
from torch.testing import assert_close, make_tensor

from linalg_utils import lu_solve, solve_square, spectrum


def test_solve_matches_inverse():
    A = make_tensor((4, 4), dtype=torch.float64, device="cpu") + 4 * torch.eye(4, dtype=torch.float64)
    B = torch.randn(4, 2, dtype=torch.float64)
    assert_close(solve_square(A, B), torch.linalg.inv(A) @ B)
    assert_close(lu_solve(A, B), solve_square(A, B))


def test_spectrum_is_sorted():
    vals, _ = spectrum(torch.randn(5, 5, dtype=torch.float64))
    torch.testing.assert_close(vals, vals.sort().values)


def test_functional_call_uses_given_params():
    layer = nn.Linear(3, 1)
    params = {name: torch.zeros_like(p) for name, p in layer.named_parameters()}
    out = functional_call(layer, params, (torch.ones(2, 3),))
    assert_close(out, torch.zeros(2, 1))


def test_weight_norm_parametrization():
    conv = weight_norm(nn.Conv1d(2, 2, 3))
    assert hasattr(conv.parametrizations, "weight")


def test_cpu_autocast_bfloat16():
    layer = nn.Linear(8, 8)
    with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
        y = layer(torch.randn(2, 8))
    assert y.dtype == torch.bfloat16


def test_custom_function_amp_decorators():
    class Square(torch.autograd.Function):
        @staticmethod
        @torch.amp.custom_fwd(device_type="cuda")
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x * x

        @staticmethod
        @torch.amp.custom_bwd(device_type="cuda")
        def backward(ctx, grad):
            (x,) = ctx.saved_tensors
            return 2 * x * grad

    x = torch.randn(3, requires_grad=True)
    Square.apply(x).sum().backward()
    assert_close(x.grad, 2 * x.detach())


def test_losses_use_reduction():
    pred, target = torch.randn(4, 3), torch.randn(4, 3)
    summed = nn.MSELoss(reduction="sum")(pred, target)
    per_item = nn.MSELoss(reduction="none")(pred, target)
    assert_close(summed, per_item.sum())
    nll = nn.NLLLoss(ignore_index=-1)
    assert nll.reduction == "mean"
