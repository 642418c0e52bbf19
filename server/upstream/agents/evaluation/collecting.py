"""``upstream eval run``: every prompt of the suites to every model, the answers to JSONL.

Requests run on a bounded thread pool; each answer is cached as it arrives (see
``answers_cache``), so an interrupted run loses at most the requests in flight. A model that
cannot answer at all (a 401 or 404) is one error line, and its other prompts are not sent.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from upstream.agents.evaluation.answers_cache import Answer, AnswerCache, AnswerKey
from upstream.agents.evaluation.asking import AskError, ChatRequest, ask
from upstream.agents.evaluation.extract import extract_code
from upstream.agents.evaluation.suites import Suite, SuitePrompt
from upstream.files import write_atomically

if TYPE_CHECKING:
    import openai


@dataclass(frozen=True)
class Job:
    model: str
    suite: Suite
    prompt: SuitePrompt
    sample: int
    # The system message sent: the guidance given to every prompt, then the prompt's own.
    system: str | None


@dataclass
class RunOutcome:
    records: list[dict[str, object]] = field(default_factory=list)
    errors: list[dict[str, object]] = field(default_factory=list)
    asked: int = 0
    cached: int = 0
    # Models with no answer at all.
    failed_models: list[str] = field(default_factory=list)


def plan(
    suites: Sequence[Suite], models: Sequence[str], samples: int, guidance: str | None = None
) -> list[Job]:
    """Every (model, prompt, sample), in the order completions.jsonl lists them.

    ``guidance`` (``--system-from``) opens every system message, before the prompt's own
    system prompt, so a run with it differs from one without only by the guidance.
    """
    return [
        Job(model, suite, prompt, sample, system_message(guidance, prompt.system))
        for model in models
        for suite in suites
        for prompt in suite.prompts
        for sample in range(samples)
    ]


def system_message(guidance: str | None, own: str | None) -> str | None:
    """The guidance and the prompt's own system prompt, a blank line between (None: neither)."""
    if not guidance:
        return own
    # A file's final newline is not part of the guidance.
    return f"{guidance.rstrip()}\n\n{own}" if own else guidance.rstrip()


def collect(
    jobs: Sequence[Job],
    client: openai.OpenAI,
    cache: AnswerCache,
    temperature: float | None,
    concurrency: int,
    retries: int,
    progress: TextIO | None = None,
) -> RunOutcome:
    """Ask (or read from ``cache``) every job's answer; records and errors in job order."""
    base_url = str(client.base_url)
    dead: dict[str, AskError] = {}  # model -> the error that ended it
    lock = threading.Lock()
    outcome = RunOutcome()
    done = 0

    def one(job: Job) -> Answer | AskError | None:
        nonlocal done
        key = AnswerKey(base_url, job.model, job.system, job.prompt.prompt, temperature, job.sample)
        answer = cache.get(key)
        if answer is not None:
            with lock:
                outcome.cached += 1
        elif job.model in dead:
            answer = None  # not asked: the model already failed for good
        else:
            request = ChatRequest(job.model, job.prompt.prompt, job.system, temperature)
            try:
                answer = ask(client, request, retries)
            except AskError as error:
                with lock:
                    first = error.fatal and job.model not in dead
                    if error.fatal:
                        dead.setdefault(job.model, error)
                    done += 1
                    _draw(progress, done, len(jobs))
                # A fatal error is reported once per model, not once per prompt.
                return error if first or not error.fatal else None
            cache.put(key, answer)
            with lock:
                outcome.asked += 1
        with lock:
            done += 1
            _draw(progress, done, len(jobs))
        return answer

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        try:
            results = list(pool.map(one, jobs))
        except BaseException:
            # Ctrl-C: drop what has not started; what has answered is in the cache.
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    if progress is not None and jobs:
        progress.write("\n")
    answered: set[str] = set()
    for job, result in zip(jobs, results, strict=True):
        if isinstance(result, Answer):
            outcome.records.append(completion_record(job, result))
            answered.add(job.model)
        elif isinstance(result, AskError):
            outcome.errors.append(error_record(job, result))
    outcome.failed_models = list(dict.fromkeys(j.model for j in jobs if j.model not in answered))
    return outcome


def completion_record(job: Job, answer: Answer) -> dict[str, object]:
    """One line of completions.jsonl: what ``upstream eval`` reads, and what produced it."""
    extracted = extract_code(answer.content, job.prompt.language)
    return {
        "model": job.model,
        "id": job.prompt.id if job.sample == 0 else f"{job.prompt.id}#{job.sample}",
        "prompt": job.prompt.prompt,
        "system": job.system,
        "answer": answer.content,
        "code": extracted.code,
        "language": extracted.language,
        "topic": job.prompt.topic,
        "rules": list(job.suite.full_rules(job.prompt)),
        "library": job.suite.pack,
        "suite": str(job.suite.path),
        "sample": job.sample,
        "seconds": answer.seconds,
        "usage": answer.usage,
        "finish_reason": answer.finish_reason,
    }


def error_record(job: Job, error: AskError) -> dict[str, object]:
    return {
        "model": job.model,
        "id": job.prompt.id if not error.fatal else None,
        "status": error.status,
        "error": str(error),
        "fatal": error.fatal,
    }


def write_jsonl(path: Path, records: Sequence[dict[str, object]]) -> None:
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    write_atomically(path, lines)


def _draw(stream: TextIO | None, done: int, total: int) -> None:
    if stream is None:
        return
    width = 30
    filled = width * done // max(total, 1)
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} answers")
    stream.flush()


def terminal() -> TextIO | None:
    return sys.stderr if sys.stderr.isatty() else None
