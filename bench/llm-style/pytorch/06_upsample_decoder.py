# torch==2.5.1
# Task: write a U-Net style decoder block that upsamples and concatenates a skip connection.
class DecoderBlock(nn.Module):
    def __init__(self, in_ch, skip_ch, out_ch):
        super().__init__()
        self.conv = nn.Conv2d(in_ch + skip_ch, out_ch, kernel_size=3, padding=1)
        # deprecated: size_average/reduce loss arguments
        self.criterion = nn.BCEWithLogitsLoss(size_average=True)

    def forward(self, x, skip):
        # deprecated: torch.nn.functional.upsample
        x = F.upsample(x, size=skip.shape[-2:], mode="bilinear", align_corners=False)
        x = torch.cat([x, skip], dim=1)
        return F.relu(self.conv(x))
