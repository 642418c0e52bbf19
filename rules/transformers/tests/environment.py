import os

import transformers

# expect: transformers-cache-env-removed
os.environ["TRANSFORMERS_CACHE"] = "/data/hf"
# expect: transformers-cache-env-removed
cache = os.getenv("PYTORCH_TRANSFORMERS_CACHE")
# expect: transformers-cache-env-removed
default = transformers.TRANSFORMERS_CACHE
env = {
    # expect: transformers-cache-env-removed
    "PYTORCH_PRETRAINED_BERT_CACHE": "/tmp/bert",
}

# ok: transformers-cache-env-removed
os.environ["HF_HOME"] = "/data/hf"
# ok: transformers-cache-env-removed
note = "set TRANSFORMERS_CACHE before 5.0"
# ok: transformers-cache-env-removed
model = transformers.AutoModel.from_pretrained("bert-base-uncased", cache_dir="/data/hf")
