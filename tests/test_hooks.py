"""Agent hooks with the payloads the harnesses send (issue 18, item 3), and the agent
severity profile. Each hook runs as the real command, reading its event on stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

REMOVED = 'import openai\n\nreply = openai.ChatCompletion.create(model="gpt-4o", messages=[])\n'
CLEAN = "from openai import OpenAI\n\nclient = OpenAI()\n"


def hook(
    harness: str, payload: object, *args: str, cache: Path
) -> subprocess.CompletedProcess[str]:
    data = payload if isinstance(payload, str) else json.dumps(payload)
    env = {**os.environ, "UPSTREAM_CACHE_DIR": str(cache), "PYTHONIOENCODING": "utf-8"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(
        [sys.executable, "-m", "upstream", "hook", harness, *args],
        input=data,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def claude_event(tool: str, path: Path, cwd: Path) -> dict[str, object]:
    # The shape Claude Code sends a PostToolUse hook (its hooks reference).
    tool_input: dict[str, object] = {"file_path": str(path)}
    if tool == "Write":
        tool_input["content"] = path.read_text()
    elif tool == "Edit":
        tool_input |= {"old_string": "x", "new_string": "y"}
    else:
        tool_input["edits"] = [{"old_string": "x", "new_string": "y"}]
    return {
        "session_id": "abc123",
        "transcript_path": str(cwd / "transcript.jsonl"),
        "cwd": str(cwd),
        "hook_event_name": "PostToolUse",
        "tool_name": tool,
        "tool_input": tool_input,
        "tool_response": {"filePath": str(path), "success": True},
    }


@pytest.mark.parametrize("tool", ["Write", "Edit", "MultiEdit"])
def test_claude_code_gets_the_findings_on_stderr_with_exit_2(tmp_path, tool):
    app = tmp_path / "app.py"
    app.write_text(REMOVED)
    result = hook("claude-code", claude_event(tool, app, tmp_path), cache=tmp_path / "cache")
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[2] == f"{app}: 1 problem"
    assert lines[3].startswith(
        "- line 3:9 [openai/chat-completion-removed] `openai.ChatCompletion`"
    )
    assert "  docs: https://github.com/openai/openai-python/discussions/742" in lines


def test_claude_code_with_a_relative_path_reads_it_from_cwd_and_quotes_the_fix(tmp_path):
    (tmp_path / "app.py").write_text(
        "import pymongo\nc = pymongo.MongoClient()\nc.db.t.insert({})\n"
    )
    event = claude_event("Write", tmp_path / "app.py", tmp_path)
    event["tool_input"] = {"file_path": "app.py", "content": ""}
    result = hook("claude-code", event, cache=tmp_path / "cache")
    assert result.returncode == 2
    assert "  fix: replace `c.db.t.insert({})` with `c.db.t.insert_one({})`" in result.stderr


def test_claude_code_json_answer_blocks_with_a_reason(tmp_path):
    app = tmp_path / "app.py"
    app.write_text(REMOVED)
    result = hook("claude-code", claude_event("Write", app, tmp_path), "--json", cache=tmp_path)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["decision"] == "block" and "openai/chat-completion-removed" in answer["reason"]


def test_claude_code_clean_file_other_tools_and_events_say_nothing(tmp_path):
    app = tmp_path / "app.py"
    app.write_text(CLEAN)
    for event in (
        claude_event("Write", app, tmp_path),
        {**claude_event("Write", app, tmp_path), "tool_name": "Read"},
        {"session_id": "s", "hook_event_name": "Stop", "stop_hook_active": False},
    ):
        result = hook("claude-code", event, cache=tmp_path / "cache")
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize("payload", ["not json", "[1, 2]", '{"tool_name": "Write"'])
def test_a_payload_upstream_cannot_read_is_one_line_and_not_a_verdict(tmp_path, payload):
    result = hook("claude-code", payload, cache=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("upstream: error:")


def test_cursor_remembers_edited_files_and_answers_at_stop(tmp_path):
    cache = tmp_path / "cache"
    bad, good = tmp_path / "bad.py", tmp_path / "good.py"
    bad.write_text(REMOVED)
    good.write_text(CLEAN)
    base = {"conversation_id": "c-1", "generation_id": "g-1", "workspace_roots": [str(tmp_path)]}
    for path in (bad, good, bad):
        edit = {**base, "hook_event_name": "afterFileEdit", "file_path": str(path), "edits": []}
        result = hook("cursor", edit, cache=cache)
        assert (result.returncode, result.stdout) == (0, "")
    stop = {**base, "hook_event_name": "stop", "status": "completed", "loop_count": 0}
    result = hook("cursor", stop, cache=cache)
    assert result.returncode == 0, result.stderr
    message = json.loads(result.stdout)["followup_message"]
    assert f"{bad}: 1 problem" in message and str(good) not in message
    assert message.count("openai/chat-completion-removed") == 1  # bad.py once
    # The files were checked: the next stop of the conversation has nothing to add.
    assert json.loads(hook("cursor", stop, cache=cache).stdout) == {}


def test_cursor_stops_asking_after_a_few_follow_ups(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(REMOVED)
    base = {"conversation_id": "c-2", "workspace_roots": [str(tmp_path)]}
    edit = {**base, "hook_event_name": "afterFileEdit", "file_path": "bad.py"}
    hook("cursor", edit, cache=tmp_path / "cache")
    stop = {**base, "hook_event_name": "stop", "status": "completed", "loop_count": 3}
    assert json.loads(hook("cursor", stop, cache=tmp_path / "cache").stdout) == {}


def test_the_agent_profile_raises_deprecated_rules_to_errors(tmp_path):
    # A deprecation whose rule is a warning: harnesses that pass on only errors drop it.
    (tmp_path / "app.py").write_text("import datetime\n\nnow = datetime.datetime.utcnow()\n")

    def severities(*args: str) -> list[str]:
        result = run_cli("check", "--format", "json", "--no-cache", *args, "app.py", cwd=tmp_path)
        return [finding["severity"] for finding in json.loads(result.stdout)]

    assert severities() == ["warning"]
    assert severities("--profile", "agent") == ["error"]
    (tmp_path / "upstream.toml").write_text('profile = "agent"\n')
    assert severities() == ["error"]
    assert severities("--profile", "default") == ["warning"]
    # An explicit severity in the config still wins over the profile.
    (tmp_path / "upstream.toml").write_text(
        'profile = "agent"\n[severity]\n"python-ecosystem/datetime-utcnow-deprecated" = "info"\n'
    )
    assert severities() == ["info"]
