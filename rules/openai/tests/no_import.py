# A file that never imports openai: the rules do not run here.
from .models import ChatCompletion

# ok: chat-completion-removed
ChatCompletion.create(model="local", messages=[])
