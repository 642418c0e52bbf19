import transformers
from transformers.utils import is_torch_tpu_available


class TFLocalModel:
    pass


# ok: tf-flax-classes-removed
mine = TFLocalModel()
# ok: is-torch-tpu-available-removed
tpu = is_torch_tpu_available()
