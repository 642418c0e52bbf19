"""Synchronous chat service: plain replies, streaming, tools and structured output."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import openai
from openai import OpenAI
from openai.types.chat import ChatCompletion, ChatCompletionMessageParam
from pydantic import BaseModel

from .clients import chat_model, make_client
from .errors import call_with_backoff
from .settings import Settings

log = logging.getLogger(__name__)

SYSTEM_PROMPT = "You are a concise assistant for an internal knowledge base."

WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather for a city",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}},
            "required": ["city"],
        },
    },
}


class TicketSummary(BaseModel):
    title: str
    priority: str
    tags: list[str]


class AssistantService:
    def __init__(self, settings: Settings | None = None, client: OpenAI | None = None) -> None:
        self.settings = settings or Settings()
        self.client = client or make_client(self.settings)
        self.model = chat_model(self.settings)

    def _messages(
        self, question: str, history: list[ChatCompletionMessageParam]
    ) -> list[ChatCompletionMessageParam]:
        return [
            {"role": "system", "content": SYSTEM_PROMPT},
            *history,
            {"role": "user", "content": question},
        ]

    def reply(self, question: str, history: list[ChatCompletionMessageParam] | None = None) -> str:
        completion: ChatCompletion = call_with_backoff(
            lambda: self.client.chat.completions.create(
                model=self.model,
                messages=self._messages(question, history or []),
                temperature=0.2,
                max_tokens=512,
            )
        )
        choice = completion.choices[0]
        if choice.finish_reason == "length":
            log.warning(
                "reply truncated (%s tokens)",
                completion.usage.completion_tokens if completion.usage else "?",
            )
        return choice.message.content or ""

    def stream_reply(self, question: str) -> Iterator[str]:
        stream = self.client.chat.completions.create(
            model=self.model,
            messages=self._messages(question, []),
            stream=True,
            stream_options={"include_usage": True},
        )
        for chunk in stream:
            if chunk.usage is not None:
                log.info("stream used %d tokens", chunk.usage.total_tokens)
            if chunk.choices and chunk.choices[0].delta.content:
                yield chunk.choices[0].delta.content

    def answer_with_tools(self, question: str) -> str:
        messages = self._messages(question, [])
        response = self.client.chat.completions.create(
            model=self.model,
            messages=messages,
            tools=[WEATHER_TOOL],
            tool_choice="auto",
        )
        message = response.choices[0].message
        if not message.tool_calls:
            return message.content or ""
        messages.append(message.model_dump(exclude_none=True))
        for call in message.tool_calls:
            arguments = json.loads(call.function.arguments)
            result = self._run_tool(call.function.name, arguments)
            messages.append(
                {"role": "tool", "tool_call_id": call.id, "content": json.dumps(result)}
            )
        final = self.client.chat.completions.create(model=self.model, messages=messages)
        return final.choices[0].message.content or ""

    def _run_tool(self, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
        if name == "get_weather":
            return {"city": arguments["city"], "forecast": "sunny", "celsius": 21}
        return {"error": f"unknown tool {name}"}

    def summarize_ticket(self, text: str) -> TicketSummary | None:
        completion = self.client.beta.chat.completions.parse(
            model=self.model,
            messages=[
                {"role": "system", "content": "Summarize the support ticket."},
                {"role": "user", "content": text},
            ],
            response_format=TicketSummary,
        )
        return completion.choices[0].message.parsed

    def export(self, question: str) -> dict[str, Any]:
        """The raw completion as a dict, for the audit log."""
        completion = self.client.chat.completions.create(
            model=self.model, messages=self._messages(question, [])
        )
        record = completion.model_dump()
        record["question"] = question
        return {"id": record["id"], "choices": record["choices"], "usage": record.get("usage")}

    def request_id(self, question: str) -> str | None:
        raw = self.client.chat.completions.with_raw_response.create(
            model=self.model, messages=self._messages(question, [])
        )
        completion = raw.parse()
        log.debug("completion %s", completion.id)
        return raw.headers.get("x-request-id")

    def available_models(self) -> list[str]:
        return sorted(model.id for model in self.client.models.list())

    def is_allowed(self, text: str) -> bool:
        result = self.client.moderations.create(model=self.settings.moderation_model, input=text)
        return not result.results[0].flagged

    def close(self) -> None:
        self.client.close()


def quick_answer(question: str) -> str:
    """Used by the notebook helpers: the module-level client, configured from the env."""
    completion = openai.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": question}]
    )
    return completion.choices[0].message.content or ""
