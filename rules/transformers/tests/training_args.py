import transformers
from transformers import Seq2SeqTrainingArguments, TrainingArguments

args = TrainingArguments(
    output_dir="out",
    # expect: training-args-evaluation-strategy-removed
    evaluation_strategy="epoch",
    # expect: training-args-no-cuda-removed
    no_cuda=True,
    # expect: training-args-per-gpu-train-batch-size-removed
    per_gpu_train_batch_size=8,
    # expect: training-args-per-gpu-eval-batch-size-removed
    per_gpu_eval_batch_size=16,
    # expect: training-args-push-to-hub-token-removed
    push_to_hub_token="hf_xxx",
    # expect: training-args-fp16-backend-removed
    fp16_backend="amp",
    # expect: training-args-include-inputs-for-metrics-removed
    include_inputs_for_metrics=True,
)
seq_args = Seq2SeqTrainingArguments(
    "out",
    # expect: training-args-evaluation-strategy-removed
    evaluation_strategy="steps",
    # expect: training-args-fp16-backend-removed
    half_precision_backend="auto",
)
# expect: training-args-evaluation-strategy-removed
full = transformers.TrainingArguments("out", evaluation_strategy="no")

# ok: training-args-evaluation-strategy-removed, training-args-no-cuda-removed, training-args-per-gpu-train-batch-size-removed
good = TrainingArguments(output_dir="out", eval_strategy="epoch", use_cpu=True, per_device_train_batch_size=8)


def configure(evaluation_strategy="epoch", no_cuda=False):
    return dict(evaluation_strategy=evaluation_strategy, no_cuda=no_cuda)


# ok: training-args-evaluation-strategy-removed, training-args-no-cuda-removed
cfg = configure(evaluation_strategy="steps", no_cuda=True)
# ok: training-args-per-gpu-eval-batch-size-removed, training-args-push-to-hub-token-removed, training-args-fp16-backend-removed, training-args-include-inputs-for-metrics-removed
good2 = TrainingArguments("out", per_device_eval_batch_size=8, hub_token="hf_xxx", fp16=True, include_for_metrics=["inputs"])
legacy = TrainingArguments(
    "out",
    # expect: training-args-overwrite-output-dir-removed
    overwrite_output_dir=True,
    # expect: training-args-logging-dir-removed
    logging_dir="./logs",
)
# ok: training-args-overwrite-output-dir-removed, training-args-logging-dir-removed, training-args-warmup-ratio-removed
modern = TrainingArguments("out", warmup_steps=0.1, logging_steps=10, report_to="tensorboard")
# expect: training-args-warmup-ratio-removed
ratio = TrainingArguments("out", warmup_ratio=0.1)
