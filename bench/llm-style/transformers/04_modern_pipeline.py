# transformers==5.2.0
# Task: run sentiment analysis and text generation with pipelines.
import torch
from transformers import pipeline

classifier = pipeline("sentiment-analysis", model="distilbert-base-uncased-finetuned-sst-2-english")
print(classifier(["I love this!", "This is terrible."]))

generator = pipeline("text-generation", model="Qwen/Qwen2.5-0.5B-Instruct", dtype=torch.bfloat16, device_map="auto")
messages = [{"role": "user", "content": "Write a haiku about autumn."}]
print(generator(messages, max_new_tokens=50)[0]["generated_text"])
