"""Error handling around API calls."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

import openai

log = logging.getLogger(__name__)

T = TypeVar("T")

RETRYABLE = (
    openai.RateLimitError,
    openai.APITimeoutError,
    openai.APIConnectionError,
    openai.InternalServerError,
)


class AssistantError(RuntimeError):
    pass


def call_with_backoff(call: Callable[[], T], attempts: int = 4) -> T:
    """The SDK already retries twice; this adds a slower outer loop for batch jobs."""
    for attempt in range(attempts):
        try:
            return call()
        except RETRYABLE as error:
            if attempt == attempts - 1:
                raise AssistantError("OpenAI is unavailable") from error
            delay = (2**attempt) + random.random()
            log.warning("retrying after %s (%.1fs)", type(error).__name__, delay)
            time.sleep(delay)
        except openai.BadRequestError as error:
            raise AssistantError(f"rejected request: {error.message}") from error
        except openai.AuthenticationError as error:
            raise AssistantError("check OPENAI_API_KEY") from error
        except openai.NotFoundError as error:
            raise AssistantError(f"unknown model or resource: {error.message}") from error
        except openai.APIStatusError as error:
            log.error("status %s: %s", error.status_code, error.response.text)
            raise AssistantError(f"OpenAI returned {error.status_code}") from error
        except openai.APIError as error:
            raise AssistantError(str(error)) from error
    raise AssertionError("unreachable")


def describe(error: openai.OpenAIError) -> dict[str, object]:
    details: dict[str, object] = {"type": type(error).__name__, "message": str(error)}
    if isinstance(error, openai.APIStatusError):
        details["status"] = error.status_code
        details["request_id"] = error.request_id
        body = error.body if isinstance(error.body, dict) else {}
        details["code"] = body.get("code")
    return details
