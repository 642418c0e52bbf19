# Classes called Image, File, Model, Audio... from other libraries, in a file that also
# imports openai: not the removed openai classes.
import asyncio

import openai
from django.db.models import Model
from PIL import Image
from pydub import AudioSegment as Audio

from .storage import File, Edit
from .moderation import Moderation

client = openai.OpenAI()

# ok: image-create-removed
thumbnail = Image.new("RGB", (64, 64))
# ok: image-edit-removed
Image.create_edit = None
# ok: file-removed
record = File.create(name="report.pdf")
# ok: model-removed
rows = Model.list()
# ok: moderation-removed
verdict = Moderation.create("text")
# ok: audio-removed
clip = Audio.from_file("talk.mp3")
# ok: edit-removed
change = Edit.create(field="title", value="x")
# ok: async-method-removed
asyncio.run(Moderation.acreate("text"))
# The openai.types models are pydantic classes, not the removed resources.
from openai.types import Model as ModelInfo
# ok: model-removed
info = ModelInfo.list()
