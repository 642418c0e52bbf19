# torch==2.5.1
# Task: write a mixed-precision training step for a classifier on GPU.
model = model.cuda()
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
# deprecated: torch.cuda.amp.GradScaler
scaler = torch.cuda.amp.GradScaler()

for images, labels in loader:
    images, labels = images.cuda(), labels.cuda()
    optimizer.zero_grad()
    # deprecated: torch.cuda.amp.autocast
    with torch.cuda.amp.autocast():
        logits = model(images)
        loss = F.cross_entropy(logits, labels)
    scaler.scale(loss).backward()
    scaler.unscale_(optimizer)
    # deprecated: torch.nn.utils.clip_grad_norm
    torch.nn.utils.clip_grad_norm(model.parameters(), 1.0)
    scaler.step(optimizer)
    scaler.update()
