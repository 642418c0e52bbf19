import tensorflow as tf
import transformers
# expect: tf-flax-classes-removed
from transformers import TFAutoModel, AutoModel
from transformers import (
    # expect: tf-flax-classes-removed
    TFBertForSequenceClassification,
    BertTokenizer,
    # expect: tf-flax-classes-removed
    FlaxGPT2LMHeadModel as FG,
)
# expect: auto-model-with-lm-head-removed
from transformers import AutoModelWithLMHead
# expect: vision-feature-extractor-removed
from transformers import ViTFeatureExtractor, ViTImageProcessor, Wav2Vec2FeatureExtractor
# expect: language-modeling-datasets-removed
from transformers import LineByLineTextDataset, DataCollatorForLanguageModeling
# expect: is-torch-tpu-available-removed
from transformers import is_torch_tpu_available

# expect: tf-flax-classes-removed
m = transformers.TFAutoModelForCausalLM.from_pretrained("gpt2")
# expect: auto-model-with-lm-head-removed
lm = AutoModelWithLMHead.from_pretrained("gpt2")
# expect: auto-model-with-lm-head-removed
lm2 = transformers.AutoModelWithLMHead.from_pretrained("gpt2")
# expect: vision-feature-extractor-removed
fe = ViTFeatureExtractor.from_pretrained("google/vit-base-patch16-224")
# expect: vision-feature-extractor-removed
fe2 = transformers.DetrFeatureExtractor()
tok = BertTokenizer.from_pretrained("bert-base-uncased")
# expect: language-modeling-datasets-removed
ds = LineByLineTextDataset(tokenizer=tok, file_path="train.txt", block_size=128)
# expect: language-modeling-datasets-removed
ds2 = transformers.TextDataset(tokenizer=tok, file_path="train.txt", block_size=128)
# expect: is-torch-tpu-available-removed
on_tpu = is_torch_tpu_available()
# expect: as-target-tokenizer-removed
with tok.as_target_tokenizer():
    labels = tok(["a"])

# ok: tf-flax-classes-removed
records = tf.data.TFRecordDataset(["x.tfrecord"])
# ok: tf-flax-classes-removed
name = transformers.TF2_WEIGHTS_NAME
# ok: vision-feature-extractor-removed
audio = Wav2Vec2FeatureExtractor()
# ok: vision-feature-extractor-removed
proc = ViTImageProcessor()
# ok: language-modeling-datasets-removed
collator = DataCollatorForLanguageModeling(tokenizer=tok)
# ok: is-torch-tpu-available-removed
xla = transformers.is_torch_xla_available(check_is_tpu=True)
# ok: as-target-tokenizer-removed
labels2 = tok(text_target=["a"])
# ok: auto-model-with-lm-head-removed
base = AutoModel.from_pretrained("bert-base-uncased")
