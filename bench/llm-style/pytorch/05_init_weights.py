# torch==2.5.1
# Task: initialise the weights of a small MLP with Xavier and Kaiming schemes.
class MLP(nn.Module):
    def __init__(self, d_in, d_hidden, d_out):
        super().__init__()
        self.fc1 = nn.Linear(d_in, d_hidden)
        self.fc2 = nn.Linear(d_hidden, d_out)
        # deprecated: torch.nn.init.kaiming_normal
        nn.init.kaiming_normal(self.fc1.weight, nonlinearity="relu")
        # deprecated: torch.nn.init.xavier_uniform
        nn.init.xavier_uniform(self.fc2.weight)
        # deprecated: torch.nn.init.constant
        nn.init.constant(self.fc1.bias, 0.0)
        nn.init.zeros_(self.fc2.bias)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))
