"""Asking a model through an OpenAI-compatible chat-completions endpoint, with retries.

The official SDK does the talking (OpenAI, Azure, vLLM, Ollama, LM Studio and llama.cpp
servers all speak it); its own retries are off so that ours decide: a 429, a 5xx, a timeout
or a dropped connection is retried with exponential backoff (with jitter), waiting what
``Retry-After`` asks when the server says. Anything else (401, 403, 404, 400) is final.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from upstream.agents.evaluation.answers_cache import Answer

if TYPE_CHECKING:
    import openai
    from openai.types.chat import ChatCompletion

# The longest wait between two tries, whatever Retry-After asks: a run must end.
MAX_WAIT = 60.0
_BASE_DELAY = 0.5


class AskError(Exception):
    """A request that failed for good. ``fatal``: the model cannot answer anything (an
    unknown model, a refused key), so its other prompts are not sent."""

    def __init__(self, message: str, status: int | None, fatal: bool) -> None:
        super().__init__(message)
        self.status = status
        self.fatal = fatal


@dataclass(frozen=True)
class ChatRequest:
    model: str
    prompt: str
    system: str | None
    temperature: float | None


def make_client(base_url: str | None, api_key: str, timeout: float) -> openai.OpenAI:
    import openai

    return openai.OpenAI(base_url=base_url, api_key=api_key, timeout=timeout, max_retries=0)


def ask(
    client: openai.OpenAI,
    request: ChatRequest,
    retries: int,
    sleep: Callable[[float], None] = time.sleep,
) -> Answer:
    """The model's answer to ``request``, trying ``retries`` more times on transient errors."""
    import openai

    messages: list[dict[str, str]] = []
    if request.system:
        messages.append({"role": "system", "content": request.system})
    messages.append({"role": "user", "content": request.prompt})
    extra: dict[str, Any] = {}
    if request.temperature is not None:
        extra["temperature"] = request.temperature
    for attempt in range(retries + 1):
        started = time.monotonic()
        try:
            response = client.chat.completions.create(
                model=request.model,
                messages=messages,  # type: ignore[arg-type]
                **extra,
            )
        except (openai.APITimeoutError, openai.APIConnectionError) as error:
            if attempt == retries:
                raise AskError(_describe(error), None, fatal=False) from None
            sleep(_backoff(attempt))
        except openai.APIStatusError as error:
            status = error.status_code
            if status != 429 and status < 500:
                raise AskError(_describe(error), status, fatal=status in (401, 403, 404)) from None
            if attempt == retries:
                raise AskError(_describe(error), status, fatal=False) from None
            sleep(_retry_after(error.response.headers) or _backoff(attempt))
        except openai.APIError as error:  # e.g. a body the SDK could not read
            raise AskError(f"malformed response: {error.message}", None, fatal=False) from None
        else:
            return _answer(response, round(time.monotonic() - started, 3))
    raise AssertionError("unreachable: the last attempt returns or raises")


def _answer(response: ChatCompletion, seconds: float) -> Answer:
    """The answer ``response`` holds. The SDK does not validate what a server sent, so a
    body of another shape is an AskError here, not an AttributeError later."""
    try:
        choice = response.choices[0] if response.choices else None
        content = choice.message.content if choice else ""
        finish = choice.finish_reason if choice else None
        usage = response.usage
        tokens = None
        if usage is not None:
            tokens = {
                "prompt_tokens": int(usage.prompt_tokens),
                "completion_tokens": int(usage.completion_tokens),
                "total_tokens": int(usage.total_tokens),
            }
    except (AttributeError, IndexError, KeyError, TypeError, ValueError) as error:
        raise AskError(f"malformed response: {error}", None, fatal=False) from None
    if content is not None and not isinstance(content, str):
        raise AskError("malformed response: the message content is not text", None, fatal=False)
    return Answer(content or "", seconds, tokens, finish if isinstance(finish, str) else None)


def _backoff(attempt: int) -> float:
    # Full jitter: clients that failed together do not all come back together.
    return min(MAX_WAIT, _BASE_DELAY * 2.0**attempt) * (0.5 + random.random() / 2)


def _retry_after(headers: Mapping[str, str]) -> float | None:
    """The wait ``Retry-After`` (seconds or an HTTP date) or ``retry-after-ms`` asks for."""
    milliseconds = headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return min(MAX_WAIT, max(0.0, float(milliseconds) / 1000))
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return min(MAX_WAIT, max(0.0, float(value)))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return min(MAX_WAIT, max(0.0, when.timestamp() - time.time()))


def _describe(error: Exception) -> str:
    import openai

    if isinstance(error, openai.APIStatusError):
        body = error.body
        message = body.get("message") if isinstance(body, dict) else None
        if isinstance(body, dict) and isinstance(body.get("error"), dict):
            message = body["error"].get("message")
        return f"HTTP {error.status_code}: {message or error.message}"
    if isinstance(error, openai.APITimeoutError):
        return "timed out"
    return f"connection failed: {error}"
