"""Agent hooks: check the file a coding agent just wrote and answer in the form its harness
feeds back to the model.

Claude Code runs a ``PostToolUse`` hook after ``Write``/``Edit``/``MultiEdit``: the hook
reads the event as JSON on stdin; exit code 2 hands its stderr to the model (any other
non-zero code is shown to the user only), or, on exit 0, a JSON ``{"decision": "block",
"reason": ...}`` on stdout does the same. Cursor runs ``afterFileEdit`` after an edit (its
answer is not read) and ``stop`` when the agent is done, whose ``followup_message`` is sent
as the next user message: so the files an agent edits are remembered per conversation and
checked when it stops.

Clean: exit 0 and nothing on stdout. A payload upstream cannot read is one line on stderr
and exit 1, which neither harness treats as a verdict on the code.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from upstream.engine import Finding, RuleSet
from upstream.engine.notebook import NotebookError, cell_source
from upstream.errors import UsageError
from upstream.files import write_atomically
from upstream.scan import Skipped, check_source, is_checkable, read_source
from upstream.workspace import PackRequest, resolve_workspace

# Claude Code's tools that write a file, and the payload fields naming it.
CLAUDE_WRITE_TOOLS = frozenset({"Write", "Edit", "MultiEdit"})
MAX_PAYLOAD_BYTES = 16 * 1024 * 1024
# Findings quoted per file: a harness shows the model a few lines, not a report.
MAX_QUOTED = 20
# Cursor's `stop` hook can start another turn; after this many, upstream stays quiet.
CURSOR_MAX_FOLLOWUPS = 3


@dataclass(frozen=True)
class Answer:
    """What the hook prints and exits with."""

    code: int = 0
    stdout: str = ""
    stderr: str = ""


def read_payload(data: bytes) -> Mapping[str, Any]:
    """The hook event, or UsageError naming what is wrong with it."""
    if len(data) > MAX_PAYLOAD_BYTES:
        raise UsageError(f"hook payload over {MAX_PAYLOAD_BYTES // 1048576} MB")
    try:
        payload = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise UsageError(f"hook payload is not JSON: {error}") from None
    if not isinstance(payload, dict):
        raise UsageError("hook payload is not a JSON object")
    return payload


def claude_code(payload: Mapping[str, Any], as_json: bool = False) -> Answer:
    """Answer a Claude Code PostToolUse event (other events and tools: nothing to say)."""
    if payload.get("hook_event_name", "PostToolUse") != "PostToolUse":
        return Answer()
    if payload.get("tool_name") not in CLAUDE_WRITE_TOOLS:
        return Answer()
    tool_input = payload.get("tool_input")
    name = tool_input.get("file_path") if isinstance(tool_input, dict) else None
    if not isinstance(name, str) or not name:
        return Answer()
    report = _report([_path(name, payload.get("cwd"))])
    if not report:
        return Answer()
    if as_json:
        return Answer(0, json.dumps({"decision": "block", "reason": report}) + "\n")
    return Answer(2, stderr=report)


def cursor(payload: Mapping[str, Any], state_dir: Path) -> Answer:
    """Answer a Cursor ``afterFileEdit`` (remember the file) or ``stop`` (check them)."""
    event = payload.get("hook_event_name")
    roots = payload.get("workspace_roots")
    root = roots[0] if isinstance(roots, list) and roots and isinstance(roots[0], str) else None
    state = state_dir / f"cursor-{_conversation(payload)}.json"
    if event == "afterFileEdit":
        name = payload.get("file_path")
        if isinstance(name, str) and name:
            _remember(state, str(_path(name, root)))
        return Answer()
    if event != "stop":
        return Answer()
    files = _recall(state)
    state.unlink(missing_ok=True)
    loops = payload.get("loop_count")
    if not files or (isinstance(loops, int) and loops >= CURSOR_MAX_FOLLOWUPS):
        return Answer(0, "{}\n")
    report = _report([Path(name) for name in files])
    if not report:
        return Answer(0, "{}\n")
    return Answer(0, json.dumps({"followup_message": report}) + "\n")


def _path(name: str, cwd: object) -> Path:
    path = Path(name)
    if not path.is_absolute() and isinstance(cwd, str) and cwd:
        path = Path(cwd) / path
    return path


def _conversation(payload: Mapping[str, Any]) -> str:
    # A file name from the harness's id, whatever characters it holds.
    conversation = str(payload.get("conversation_id") or payload.get("session_id") or "none")
    return hashlib.sha256(conversation.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def _remember(state: Path, name: str) -> None:
    files = _recall(state)
    if name in files:
        return
    write_atomically(state, json.dumps([*files, name]))


def _recall(state: Path) -> list[str]:
    try:
        files = json.loads(state.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [name for name in files if isinstance(name, str)] if isinstance(files, list) else []


def _report(paths: list[Path]) -> str:
    """The findings in ``paths`` as the model should read them; empty when there are none."""
    sections = []
    loaded: dict[tuple[Path, ...], RuleSet] = {}  # files of one project share their packs
    for path in paths:
        if not path.is_file() or not is_checkable(path):
            continue  # deleted or renamed since, or nothing upstream reads
        workspace = resolve_workspace(path, PackRequest(), lenient=True)
        packs = workspace.packs.paths
        if packs not in loaded:
            loaded[packs] = workspace.load_rules().rule_set
        source = read_source(path, workspace.settings.max_bytes)
        if isinstance(source, Skipped):
            continue
        try:
            found = check_source(path, source, loaded[packs], workspace.settings.options())
        except NotebookError:
            continue  # not a notebook upstream reads: `upstream check` says why
        if found:
            sections.append(_section(path, found, source))
    if not sections:
        return ""
    return (
        "upstream checked the code against its libraries' maintainers' rules; "
        "fix these before going on:\n\n" + "\n\n".join(sections) + "\n"
    )


def _section(path: Path, findings: list[Finding], source: bytes) -> str:
    lines = [f"{path}: {len(findings)} problem{'s' if len(findings) != 1 else ''}"]
    for finding in findings[:MAX_QUOTED]:
        at = f"line {finding.start.line + 1}:{finding.start.column + 1}"
        if finding.cell is not None:
            at = f"cell {finding.cell}, {at}"
        lines.append(f"- {at} [{finding.rule}] {finding.message}")
        if finding.fix is not None:
            fix = finding.fix
            # A notebook finding's offsets count in its cell's source, not in the file.
            text = source if finding.cell is None else cell_source(source, finding.cell).encode()
            before = text[fix.start_byte : fix.end_byte].decode("utf-8", "replace")
            lines.append(f"  fix: replace `{before}` with `{fix.text}`")
        if finding.docs:
            lines.append(f"  docs: {finding.docs}")
    if len(findings) > MAX_QUOTED:
        lines.append(f"- and {len(findings) - MAX_QUOTED} more (run `upstream check {path}`)")
    return "\n".join(lines)
