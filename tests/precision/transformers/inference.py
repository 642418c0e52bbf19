"""Inference with pipelines, quantized loading and seq2seq label tokenization."""

import torch
from transformers import (
    AutoImageProcessor,
    AutoModelForCausalLM,
    AutoModelForSeq2SeqLM,
    AutoTokenizer,
    BitsAndBytesConfig,
    ViTImageProcessor,
    is_torch_xla_available,
    pipeline,
)


def sentiment(texts: list[str], hf_token: str | None = None) -> list[dict]:
    classifier = pipeline(
        "sentiment-analysis",
        model="distilbert-base-uncased-finetuned-sst-2-english",
        token=hf_token,
        device_map="auto",
    )
    return classifier(texts)


def chat(prompt: str) -> str:
    model_id = "meta-llama/Llama-3.2-3B-Instruct"
    quantization_config = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_compute_dtype=torch.bfloat16)
    tokenizer = AutoTokenizer.from_pretrained(model_id)
    model = AutoModelForCausalLM.from_pretrained(
        model_id, device_map="auto", quantization_config=quantization_config, dtype=torch.bfloat16
    )
    messages = [{"role": "user", "content": prompt}]
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt").to(model.device)
    output = model.generate(inputs, max_new_tokens=128)
    return tokenizer.decode(output[0], skip_special_tokens=True)


def seq2seq_batch(sources: list[str], targets: list[str]):
    tokenizer = AutoTokenizer.from_pretrained("t5-small")
    model = AutoModelForSeq2SeqLM.from_pretrained("t5-small")
    batch = tokenizer(sources, text_target=targets, max_length=128, truncation=True, return_tensors="pt")
    return model(**batch).loss


def image_inputs(images):
    processor = AutoImageProcessor.from_pretrained("google/vit-base-patch16-224")
    vit = ViTImageProcessor(do_resize=True, size={"height": 224, "width": 224})
    return processor(images, return_tensors="pt"), vit(images, return_tensors="pt")


def on_tpu() -> bool:
    return is_torch_xla_available(check_is_tpu=True)
