"""Configuration read from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    api_key: str | None = field(default_factory=lambda: os.environ.get("OPENAI_API_KEY"))
    base_url: str | None = field(default_factory=lambda: os.environ.get("OPENAI_BASE_URL"))
    organization: str | None = field(default_factory=lambda: os.environ.get("OPENAI_ORG_ID"))
    chat_model: str = os.environ.get("ASSISTANT_CHAT_MODEL", "gpt-4o-mini")
    embedding_model: str = os.environ.get("ASSISTANT_EMBEDDING_MODEL", "text-embedding-3-small")
    moderation_model: str = "omni-moderation-latest"
    timeout: float = 30.0
    max_retries: int = 3

    # Azure OpenAI
    azure_endpoint: str | None = field(
        default_factory=lambda: os.environ.get("AZURE_OPENAI_ENDPOINT")
    )
    azure_api_version: str = os.environ.get("OPENAI_API_VERSION", "2024-06-01")
    azure_chat_deployment: str = os.environ.get("AZURE_CHAT_DEPLOYMENT", "gpt-4o-mini")

    @property
    def uses_azure(self) -> bool:
        return self.azure_endpoint is not None
