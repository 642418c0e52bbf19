# A file that does not import openai: a "davinci" here is not an OpenAI model.
import transformers

# ok: retired-model
painter = transformers.pipeline("text-generation", model="davinci")
