"""`upstream eval run` against a real local chat-completions server started by the test."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from upstream.agents.evaluation.extract import extract_code, fenced_blocks
from upstream.cli import main

GOOD = (
    "Here you go:\n\n```python\nimport pandas as pd\n\ndef fill(df):\n    return df.ffill()\n```\n"
)
BAD_PANDAS = (
    "Sure:\n\n```python\nimport pandas as pd\n\ndef fill(df):\n"
    '    return df.fillna(method="ffill")\n```\n\nThis fills forward.\n'
)
BAD_OPENAI = (
    "```py\nimport openai\n\n"
    'reply = openai.ChatCompletion.create(model="gpt-4o-mini", messages=[])\n```\n'
)

SUITE = """\
- id: fill
  topic: pandas
  language: python
  prompt: Fill missing values in a pandas DataFrame with the last known value.
  rules: [python-ecosystem/fillna-method-ffill-removed]
- id: chat
  topic: chat
  language: python
  system: You are terse.
  prompt: Ask gpt-4o-mini a question with the openai package.
  rules: [openai/chat-completion-removed]
- id: fill-again
  topic: pandas
  language: python
  prompt: Forward-fill the gaps of a pandas time series.
"""


@dataclass
class ChatServer:
    """Answers per model; counts the requests each model got."""

    requests: Counter[str] = field(default_factory=Counter)
    # The system message each user prompt came with (None: none), as last received.
    systems: dict[str, str | None] = field(default_factory=dict)
    times: dict[str, list[float]] = field(default_factory=dict)
    # After this many answers in all, every request fails with 500 (None: never).
    fail_after: int | None = None
    answered: int = 0
    answered_event: threading.Event = field(default_factory=threading.Event)
    answered_target: int = 0
    slow_seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def respond(self, model: str, body: dict[str, object]) -> tuple[int, dict[str, str], object]:
        with self.lock:
            self.requests[model] += 1
            count = self.requests[model]
            self.times.setdefault(model, []).append(time.monotonic())
            failing = self.fail_after is not None and self.answered >= self.fail_after
        messages = body["messages"]
        assert isinstance(messages, list)
        prompt = str(messages[-1]["content"])
        system = [m["content"] for m in messages if m["role"] == "system"]
        with self.lock:
            self.systems[prompt] = "\n".join(system) if system else None
        if failing:
            return 500, {}, {"error": {"message": "overloaded", "type": "server_error"}}
        if model == "unknown":
            error = {
                "message": f"The model `{model}` does not exist",
                "type": "invalid_request_error",
                "param": None,
                "code": "model_not_found",
            }
            return 404, {}, {"error": error}
        if model == "limited" and count == 1:
            return 429, {"Retry-After": "1"}, {"error": {"message": "slow down"}}
        if model == "broken":  # a 200 that is no chat completion
            wrong = {"object": "chat.completion", "choices": "nope"}
            return 200, {}, wrong if count % 2 else "<html>"
        if model == "flaky" and count == 1:
            return 500, {}, {"error": {"message": "boom", "type": "server_error"}}
        if model == "slow" and count == 1:
            time.sleep(2)  # past the client's --timeout
        if self.slow_seconds:
            time.sleep(self.slow_seconds)
        bad = BAD_OPENAI if "openai" in prompt else BAD_PANDAS
        content = bad if model == "bad" else GOOD
        with self.lock:
            self.answered += 1
            if self.answered >= self.answered_target > 0:
                self.answered_event.set()
        return (
            200,
            {},
            {
                "id": f"chatcmpl-{count}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": content},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 11, "completion_tokens": 22, "total_tokens": 33},
            },
        )


@pytest.fixture
def server() -> Iterator[ChatServer]:
    state = ChatServer()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            if self.path != "/v1/chat/completions":
                self.send_error(404)
                return
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            status, headers, payload = state.respond(body["model"], body)
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client timed out and left

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def suite(tmp_path: Path) -> Path:
    path = tmp_path / "suite.yaml"
    path.write_text(SUITE, encoding="utf-8")
    return path


@dataclass
class Run:
    """``upstream eval run SUITE`` against the server, writing to ``out``."""

    server: ChatServer
    suite: Path
    out: Path

    def __call__(self, *extra: str) -> int:
        argv = ["eval", "run", str(self.suite), "--base-url", self.server.url, "-o", str(self.out)]
        return main([*argv, "--api-key-env", "UPSTREAM_TEST_NO_SUCH_KEY", *extra])

    def completions(self) -> list[dict[str, object]]:
        return _records(self.out / "completions.jsonl")

    def errors(self) -> list[dict[str, object]]:
        return _records(self.out / "errors.jsonl")


@pytest.fixture
def run(server: ChatServer, suite: Path, tmp_path: Path) -> Run:
    return Run(server, suite, tmp_path / "out")


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_run_writes_completions_that_eval_scores(
    run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--model", "good", "--model", "bad", "--samples", "2") == 0
    records = run.completions()
    assert len(records) == 12
    first = records[0]
    assert first["model"] == "good" and first["id"] == "fill" and records[1]["id"] == "fill#1"
    assert first["code"] == "import pandas as pd\n\ndef fill(df):\n    return df.ffill()\n"
    assert first["language"] == "python"
    assert first["answer"] == GOOD
    assert first["usage"] == {"prompt_tokens": 11, "completion_tokens": 22, "total_tokens": 33}
    assert isinstance(first["seconds"], float)
    chat = next(r for r in records if r["id"] == "chat")
    assert chat["system"] == "You are terse." and chat["rules"] == [
        "openai/chat-completion-removed"
    ]
    assert run.errors() == []
    capsys.readouterr()

    assert main(["eval", str(run.out / "completions.jsonl"), "--json", "-j", "1"]) == 0
    report = json.loads(capsys.readouterr().out)
    models = {m["model"]: m for m in report["models"]}
    assert models["good"]["flagged"] == 0
    assert models["bad"]["flagged"] == 6
    assert models["bad"]["by_rule"] == {
        "openai/chat-completion-removed": 2,
        "python-ecosystem/fillna-method-ffill-removed": 4,
    }


def test_retries_on_429_500_and_timeouts(
    run: Run, server: ChatServer, capsys: pytest.CaptureFixture[str]
) -> None:
    models = ["--model", "limited", "--model", "flaky", "--model", "slow"]
    code = run(*models, "--timeout", "0.5", "--concurrency", "1")
    assert code == 0, capsys.readouterr().err
    assert run.errors() == []
    records = run.completions()
    assert Counter(r["model"] for r in records) == {"limited": 3, "flaky": 3, "slow": 3}
    # One failed try each, then every prompt once.
    assert server.requests == {"limited": 4, "flaky": 4, "slow": 4}
    first, second = server.times["limited"][:2]
    assert second - first >= 0.9  # Retry-After: 1 was honoured


def test_unknown_model_is_one_error_and_others_run(
    run: Run, server: ChatServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--model", "unknown", "--model", "good", "--concurrency", "1") == 1
    [error] = run.errors()
    assert error["model"] == "unknown" and error["status"] == 404
    assert "does not exist" in str(error["error"])
    about_it = [line for line in capsys.readouterr().err.splitlines() if "unknown:" in line]
    assert about_it == ["upstream: eval run: unknown: HTTP 404: The model `unknown` does not exist"]
    assert server.requests["unknown"] == 1  # its other prompts were not sent
    assert [r["model"] for r in run.completions()] == ["good"] * 3


def test_a_malformed_answer_is_an_error_line_not_a_crash(
    run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--model", "broken", "--model", "good", "--concurrency", "1") == 1
    errors = run.errors()
    assert [(e["model"], e["id"], e["fatal"]) for e in errors] == [
        ("broken", "fill", False),
        ("broken", "chat", False),
        ("broken", "fill-again", False),
    ]
    assert all(str(e["error"]).startswith("malformed response") for e in errors), errors
    assert [r["model"] for r in run.completions()] == ["good"] * 3
    assert "internal error" not in capsys.readouterr().err


def test_a_run_that_failed_midway_resumes_from_the_cache(run: Run, server: ChatServer) -> None:
    server.fail_after = 2
    assert run("--model", "good", "--concurrency", "1", "--retries", "0") == 0
    assert len(run.completions()) == 2
    assert len(run.errors()) == 1
    server.fail_after = None
    server.requests.clear()
    assert run("--model", "good", "--model", "bad") == 0
    assert server.requests == {"good": 1, "bad": 3}
    assert len(run.completions()) == 6
    server.requests.clear()
    assert run("--model", "good", "--model", "bad") == 0
    assert not server.requests  # everything from the cache


def test_system_from_opens_every_system_prompt_and_is_cached_apart(
    run: Run, server: ChatServer, tmp_path: Path
) -> None:
    guidance = tmp_path / "AGENTS.md"
    guidance.write_text("# pandas\n\n- Don't: `df.fillna(method=...)`. Do: `df.ffill()`.\n")
    assert run("--model", "good") == 0
    assert (
        server.systems["Fill missing values in a pandas DataFrame with the last known value."]
        is None
    )
    server.requests.clear()
    assert run("--model", "good", "--system-from", str(guidance)) == 0
    assert server.requests == {"good": 3}  # the answers without guidance are not reused
    expected = "# pandas\n\n- Don't: `df.fillna(method=...)`. Do: `df.ffill()`."
    systems = {str(r["id"]): r["system"] for r in run.completions()}
    assert systems == {
        "fill": expected,
        "fill-again": expected,
        "chat": f"{expected}\n\nYou are terse.",
    }
    assert set(server.systems.values()) == {expected, f"{expected}\n\nYou are terse."}
    server.requests.clear()
    assert run("--model", "good", "--system-from", str(guidance)) == 0
    assert not server.requests  # with the same guidance: from the cache


def test_an_unreadable_system_file_is_one_usage_error(
    run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--model", "good", "--system-from", str(tmp_path / "missing.md")) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"upstream: error: --system-from {tmp_path / 'missing.md'}: cannot read")


def test_a_killed_run_resumes_without_asking_again(
    server: ChatServer, suite: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    server.slow_seconds = 0.3
    server.answered_target = 2
    environment = {**os.environ, "PYTHONUNBUFFERED": "1"}
    environment.pop("OPENAI_API_KEY", None)
    command = [sys.executable, "-m", "upstream", "eval", "run", str(suite), "--model", "good"]
    command += ["--model", "bad", "--base-url", server.url, "-o", str(out), "--concurrency", "1"]
    process = subprocess.Popen(command, env=environment, stderr=subprocess.PIPE)
    try:
        assert server.answered_event.wait(60)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert not (out / "completions.jsonl").exists()
    cached = len(list((out / "cache").glob("??/*.json")))
    assert cached >= 1
    server.slow_seconds = 0
    asked_before = sum(server.requests.values())
    result = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert sum(server.requests.values()) - asked_before == 6 - cached
    assert len(_records(out / "completions.jsonl")) == 6
    assert f"({6 - cached} asked, {cached} from the cache)" in result.stderr


def test_missing_key_for_a_remote_endpoint_is_a_usage_error(
    suite: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["eval", "run", str(suite), "--model", "m", "--base-url", "https://example.invalid/v1"]
    argv += ["-o", str(tmp_path), "--api-key-env", "UPSTREAM_TEST_NO_SUCH_KEY"]
    assert main(argv) == 2
    assert "set UPSTREAM_TEST_NO_SUCH_KEY" in capsys.readouterr().err


def test_an_output_folder_that_cannot_be_made_stops_before_asking(
    suite: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    # Nothing listens on port 9: a request would be a connection error, not this usage error.
    argv = ["eval", "run", str(suite), "--model", "m", "--base-url", "http://127.0.0.1:9/v1"]
    assert main([*argv, "-o", str(blocker / "out")]) == 2
    assert f"{blocker / 'out'}: cannot create the folder" in capsys.readouterr().err


def test_a_file_named_run_is_still_scored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("run").write_text(json.dumps({"model": "m", "code": "x = 1\n"}) + "\n")
    assert main(["eval", "./run", "--json", "-j", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["models"][0]["samples"] == 1


# --- code extraction ---------------------------------------------------------------


def test_extracts_the_prompts_language_and_joins_its_blocks() -> None:
    answer = (
        "Install it:\n```bash\npip install pymongo\n```\nThen:\n```python\nimport pymongo\n```\n"
        "and\n```\nclient = pymongo.MongoClient()\n```\n"
    )
    extracted = extract_code(answer, "python")
    assert extracted.language == "python"
    assert extracted.code == "import pymongo\n\nclient = pymongo.MongoClient()\n"
    assert len(extracted.blocks) == 2


def test_extraction_takes_the_answers_language_when_the_prompts_is_absent() -> None:
    answer = "~~~js\nconst x = require('mongodb');\n~~~\n"
    extracted = extract_code(answer, "python")
    assert (extracted.language, extracted.code) == ("javascript", "const x = require('mongodb');\n")


def test_an_answer_without_fences_is_code_and_fences_nest_by_length() -> None:
    assert extract_code("x = 1\n", "python").code == "x = 1\n"
    answer = "````python\n```\ninner\n```\n````\n"
    assert [b.text for b in fenced_blocks(answer, "python")] == ["```\ninner\n```\n"]
    unclosed = fenced_blocks("```python\nprint(1)\n", "python")
    assert [b.text for b in unclosed] == ["print(1)\n"]
