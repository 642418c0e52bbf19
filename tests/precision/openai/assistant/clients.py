"""Client construction: one place that knows about OpenAI vs Azure OpenAI."""

from __future__ import annotations

import httpx
from openai import AsyncAzureOpenAI, AsyncOpenAI, AzureOpenAI, OpenAI

from .settings import Settings


def make_client(settings: Settings) -> OpenAI:
    if settings.uses_azure:
        return AzureOpenAI(
            azure_endpoint=settings.azure_endpoint,
            api_version=settings.azure_api_version,
            timeout=settings.timeout,
            max_retries=settings.max_retries,
        )
    return OpenAI(
        api_key=settings.api_key,
        base_url=settings.base_url,
        organization=settings.organization,
        timeout=settings.timeout,
        max_retries=settings.max_retries,
        http_client=httpx.Client(
            limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
        ),
    )


def make_async_client(settings: Settings) -> AsyncOpenAI:
    if settings.uses_azure:
        return AsyncAzureOpenAI(
            azure_endpoint=settings.azure_endpoint,
            api_version=settings.azure_api_version,
            timeout=settings.timeout,
        )
    return AsyncOpenAI(
        api_key=settings.api_key,
        base_url=settings.base_url,
        timeout=settings.timeout,
        max_retries=settings.max_retries,
    )


def chat_model(settings: Settings) -> str:
    """On Azure, `model=` takes the deployment name."""
    return settings.azure_chat_deployment if settings.uses_azure else settings.chat_model
