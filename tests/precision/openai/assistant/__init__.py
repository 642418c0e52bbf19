"""A small assistant service built on the OpenAI Python SDK (openai>=1.40)."""

from .service import AssistantService
from .settings import Settings

__all__ = ["AssistantService", "Settings"]
