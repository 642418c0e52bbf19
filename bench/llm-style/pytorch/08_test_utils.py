# torch==2.5.1
# Task: write a unit test checking that a batched matmul helper matches a loop.
def batched_outer(u, v):
    # deprecated: torch.ger
    return torch.stack([torch.ger(a, b) for a, b in zip(u, v)])


def test_batched_outer():
    # deprecated: torch.set_default_tensor_type
    torch.set_default_tensor_type(torch.DoubleTensor)
    u, v = torch.randn(3, 4), torch.randn(3, 5)
    expected = torch.einsum("bi,bj->bij", u, v)
    # deprecated: torch.testing.assert_allclose
    torch.testing.assert_allclose(batched_outer(u, v), expected)
