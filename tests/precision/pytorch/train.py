"""A small image-classification training loop written against PyTorch 2.5."""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.amp import GradScaler
from torch.utils.data import DataLoader, TensorDataset


@dataclass
class Config:
    epochs: int = 2
    lr: float = 3e-4
    max_grad_norm: float = 1.0
    batch_size: int = 32
    use_amp: bool = torch.cuda.is_available()


class ConvNet(nn.Module):
    def __init__(self, num_classes: int = 10) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, kernel_size=3, padding=1)
        self.norm = nn.BatchNorm2d(64)
        self.head = nn.Linear(64, num_classes)
        self.reset_parameters()

    def reset_parameters(self) -> None:
        for module in self.modules():
            if isinstance(module, nn.Conv2d):
                nn.init.kaiming_normal_(module.weight, mode="fan_out", nonlinearity="relu")
                if module.bias is not None:
                    nn.init.zeros_(module.bias)
            elif isinstance(module, nn.Linear):
                nn.init.xavier_uniform_(module.weight)
                nn.init.constant_(module.bias, 0.0)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.relu(self.conv1(x))
        x = F.max_pool2d(x, 2)
        x = F.relu(self.norm(self.conv2(x)))
        x = F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)
        x = F.adaptive_avg_pool2d(x, 1).flatten(1)
        return self.head(x)


def make_loader(cfg: Config) -> DataLoader:
    images = torch.randn(256, 3, 32, 32)
    labels = torch.randint(0, 10, (256,))
    return DataLoader(TensorDataset(images, labels), batch_size=cfg.batch_size, shuffle=True)


def train(cfg: Config) -> float:
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = ConvNet().to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.lr)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg.epochs)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1, reduction="mean")
    scaler = GradScaler("cuda", enabled=cfg.use_amp)
    last_loss = math.inf

    for _epoch in range(cfg.epochs):
        model.train()
        for images, labels in make_loader(cfg):
            images, labels = images.to(device), labels.to(device)
            optimizer.zero_grad(set_to_none=True)
            with torch.amp.autocast("cuda", dtype=torch.float16, enabled=cfg.use_amp):
                logits = model(images)
                loss = criterion(logits, labels)
            scaler.scale(loss).backward()
            scaler.unscale_(optimizer)
            nn.utils.clip_grad_norm_(model.parameters(), cfg.max_grad_norm)
            scaler.step(optimizer)
            scaler.update()
            last_loss = loss.item()
        scheduler.step()

    if torch.cuda.is_available():
        peak = torch.cuda.max_memory_reserved()
        print(f"peak reserved memory: {peak / 2**20:.1f} MiB")
        torch.cuda.reset_peak_memory_stats()
    return last_loss


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float32)
    print(train(Config()))
