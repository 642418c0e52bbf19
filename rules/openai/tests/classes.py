# openai 0.x resource classes in a project that depends on openai>=1.0.
import asyncio

import openai
from openai import OpenAI

client = OpenAI()

# expect: image-create-removed
image = openai.Image.create(prompt="a red fox", n=1, size="512x512")
# expect: image-edit-removed
edited = openai.Image.create_edit(open("fox.png", "rb"), prompt="add a hat")
# expect: image-edit-removed
variation = openai.Image.create_variation(image=open("fox.png", "rb"), n=2)
# expect: moderation-removed
flagged = openai.Moderation.create("some text")["results"][0]["flagged"]
# expect: audio-removed
transcript = openai.Audio.transcribe("whisper-1", open("talk.mp3", "rb"))
# expect: audio-removed
translation = openai.Audio.translate(model="whisper-1", file=open("talk.mp3", "rb"))
# expect: file-removed
uploaded = openai.File.create(file=open("train.jsonl", "rb"), purpose="fine-tune")
# expect: file-removed
content = openai.File.download("file-abc123")
# expect: fine-tune-removed, retired-model
legacy_job = openai.FineTune.create(training_file="file-abc123", model="curie")
# expect: fine-tuning-job-removed
job = openai.FineTuningJob.create(training_file="file-abc123", model="gpt-3.5-turbo")
# expect: fine-tuning-job-removed
job = openai.FineTuningJob.retrieve("ftjob-abc123")
# expect: fine-tuning-job-removed
events = openai.FineTuningJob.list_events(id="ftjob-abc123", limit=10)
# expect: model-removed
models = openai.Model.list()
# expect: model-removed
model = openai.Model.retrieve("gpt-4o-mini")
# expect: edit-removed
fixed_text = openai.Edit.create(model="gpt-4o-mini", input="teh cat", instruction="Fix spelling")
# expect: legacy-resource-removed
engines = openai.Engine.list()
# expect: legacy-resource-removed
deployments = openai.Deployment.list()


async def old_async(messages):
    # expect: async-method-removed
    reply = await openai.ChatCompletion.acreate(model="gpt-4o-mini", messages=messages)
    # expect: async-method-removed
    vector = await openai.Embedding.acreate(input="hi", model="text-embedding-3-small")
    # expect: async-method-removed
    picture = await openai.Image.acreate(prompt="a red fox")
    # expect: async-method-removed
    result = await openai.Moderation.acreate(input="some text")
    # expect: audio-removed
    heard = await openai.Audio.atranscribe("whisper-1", open("talk.mp3", "rb"))
    return reply, vector, picture, result, heard


# The 1.x equivalents are fine.
# ok: image-create-removed
image = client.images.generate(prompt="a red fox", n=1, size="512x512")
# ok: image-edit-removed
edited = client.images.edit(image=open("fox.png", "rb"), prompt="add a hat")
# ok: moderation-removed
flagged = client.moderations.create(input="some text").results[0].flagged
# ok: audio-removed
transcript = client.audio.transcriptions.create(model="whisper-1", file=open("talk.mp3", "rb"))
# ok: file-removed
uploaded = client.files.create(file=open("train.jsonl", "rb"), purpose="fine-tune")
# ok: fine-tune-removed, fine-tuning-job-removed
job = client.fine_tuning.jobs.create(training_file="file-abc123", model="gpt-4o-mini-2024-07-18")
# ok: model-removed
models = client.models.list()
# ok: model-removed
model = openai.models.retrieve("gpt-4o-mini")
# ok: legacy-resource-removed
deployments = client.models.list()


async def new_async(messages):
    async_client = openai.AsyncOpenAI()
    # ok: async-method-removed
    return await async_client.chat.completions.create(model="gpt-4o-mini", messages=messages)


# A FineTuningJob/Model method the rules do not know is left alone (no wrong fix).
# ok: fine-tuning-job-removed
openai.FineTuningJob.refresh_from("x")
# ok: model-removed
openai.Model.construct_from("x")
