# torch==2.5.1
# Task: print a short GPU memory report after a forward pass.
def report(model, batch):
    # deprecated: torch.cuda.reset_max_memory_allocated
    torch.cuda.reset_max_memory_allocated()
    with torch.no_grad():
        model(batch.cuda())
    allocated = torch.cuda.max_memory_allocated() / 2**20
    # deprecated: torch.cuda.memory_cached
    cached = torch.cuda.memory_cached() / 2**20
    print(f"peak allocated {allocated:.1f} MiB, cached {cached:.1f} MiB")
