# torch==2.5.1
# Task: compute scaled dot-product attention weights and force the flash kernel.
def attention(q, k, v):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
    # deprecated: implicit softmax dim
    weights = F.softmax(scores)
    return weights @ v


def fast_attention(q, k, v):
    # deprecated: torch.backends.cuda.sdp_kernel
    with torch.backends.cuda.sdp_kernel(enable_flash=True, enable_math=False, enable_mem_efficient=False):
        return F.scaled_dot_product_attention(q, k, v)
