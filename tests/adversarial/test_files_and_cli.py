"""Hostile files and failures around ``upstream check`` (issue 21): FIFOs, devices, files that
lie about their size, symlink loops, unreadable folders, crashes, ``--fix`` on files that can't
be written, and old Mac (lone ``\\r``) line ends.

Each test runs the real command line on real files in ``tmp_path``: in a subprocess, with a
timeout of seconds, where a regression would hang or eat memory; through ``main()`` in this
process where a failure has to be injected.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import rule_yaml, write_pack
from lsprotocol import types
from upstream.cli import main
from upstream.engine import (
    LANGUAGES,
    CheckOptions,
    Document,
    Edit,
    Finding,
    FixResult,
    LanguageSpec,
    RuleSet,
    apply_edits,
    check_document,
)
from upstream.lsp.code_actions import suppress_line_edit
from upstream.lsp.diagnostics import to_diagnostic
from upstream.lsp.documents import OpenDocument
from upstream.lsp.positions import LineIndex
from upstream.packs import load_rule_set
from upstream.scan import Skipped, check_file

Result = list[Finding] | Skipped

EVAL = rule_yaml("match:\n  pattern: eval($X)", extra="fix: safe_eval($X)")
TIMEOUT = 15  # seconds: a run takes about half of one; a hang fails instead of blocking
POSIX = pytest.mark.skipif(os.name != "posix", reason="FIFOs, symlinks and rlimits are POSIX")
AS_ROOT = os.name == "posix" and os.geteuid() == 0
NOT_ROOT = pytest.mark.skipif(AS_ROOT, reason="root reads and writes whatever the mode says")


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "packs", EVAL)


def run(
    pack: Path, *args: str, preexec: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """``upstream check`` on ``pack`` alone, in a subprocess bounded in time."""
    command = [sys.executable, "-m", "upstream", "check", "--no-bundled", "--pack", str(pack)]
    return subprocess.run(
        [*command, "--no-cache", "-j", "1", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1"},
        preexec_fn=preexec,
    )


def run_here(pack: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``upstream check`` through ``main()`` in this process: exit code, stdout, stderr."""
    code = main(["check", "--no-bundled", "--pack", str(pack), "--no-cache", "-j", "1", *args])
    out, err = capsys.readouterr()
    return code, out, err


def limit_memory() -> None:
    # A run needs ~100 MB; reading /dev/zero to the end would take all there is.
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))


def source_tree(tmp_path: Path) -> Path:
    """A folder with one finding, in good.py, beside whatever a test adds."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.py").write_text("eval(x)\n")
    return src


# 5. FIFOs, devices, files that lie about their size


@POSIX
def test_a_fifo_in_a_folder_is_skipped_not_waited_on(tmp_path: Path, pack: Path) -> None:
    src = source_tree(tmp_path)
    os.mkfifo(src / "x.py")
    result = run(pack, str(src))
    assert result.stderr == f"upstream: {src / 'x.py'}: skipped: not a regular file\n"
    assert result.returncode == 1 and f"{src / 'good.py'}:1:1: t/r" in result.stdout


@POSIX
def test_a_fifo_named_on_the_command_line_is_one_line(tmp_path: Path, pack: Path) -> None:
    # Treated as an unreadable file named there is: one line, and the others are checked.
    src = source_tree(tmp_path)
    fifo = tmp_path / "x.py"
    os.mkfifo(fifo)
    result = run(pack, str(fifo), str(src / "good.py"))
    assert result.stderr == f"upstream: {fifo}: skipped: not a regular file\n"
    assert result.returncode == 1 and "Found 1 finding." in result.stdout


@POSIX
def test_a_symlink_to_a_device_is_not_read(tmp_path: Path, pack: Path) -> None:
    src = source_tree(tmp_path)
    (src / "z.py").symlink_to("/dev/zero")
    result = run(pack, str(src), preexec=limit_memory)
    assert result.stderr == f"upstream: {src / 'z.py'}: skipped: not a regular file\n"
    assert result.returncode == 1


@pytest.mark.skipif(not Path("/proc/self/maps").is_file(), reason="needs Linux /proc")
def test_a_file_larger_than_its_size_says_is_read_only_to_the_limit(
    tmp_path: Path, pack: Path
) -> None:
    # /proc files say they are empty: the cap on the read, not stat, keeps to the limit.
    src = source_tree(tmp_path)
    (src / "maps.py").symlink_to("/proc/self/maps")
    result = run(pack, "--max-file-size", "100", str(src))
    assert (
        result.stderr == f"upstream: {src / 'maps.py'}: skipped: over the 100 B limit when read\n"
    )
    assert result.returncode == 1


def test_a_symlink_to_a_regular_file_is_checked(tmp_path: Path, pack: Path) -> None:
    target = tmp_path / "elsewhere.py"
    target.write_text("eval(x)\n")
    src = tmp_path / "src"
    src.mkdir()
    (src / "link.py").symlink_to(target)
    result = run(pack, str(src))
    assert result.returncode == 1 and f"{src / 'link.py'}:1:1: t/r" in result.stdout


# 9. Symlink loops and unreadable folders


@POSIX
def test_a_symlink_loop_is_one_line_and_the_rest_is_checked(tmp_path: Path, pack: Path) -> None:
    src = source_tree(tmp_path)
    loop = src / "self.py"
    loop.symlink_to("self.py")
    line = f"upstream: {loop}: skipped: cannot read: {os.strerror(errno.ELOOP)}\n"
    walked = run(pack, str(src))
    assert walked.stderr == line and walked.returncode == 1, walked.stderr
    named = run(pack, str(loop), str(src / "good.py"))
    assert named.stderr == line and named.returncode == 1, named.stderr


@POSIX
@NOT_ROOT
def test_an_unreadable_folder_is_one_line_and_the_rest_is_checked(
    tmp_path: Path, pack: Path
) -> None:
    src = source_tree(tmp_path)
    locked = tmp_path / "locked"
    (locked / "inner").mkdir(parents=True)
    (locked / "a.py").write_text("eval(x)\n")
    (src / "deeper").mkdir()
    (src / "deeper" / "b.py").write_text("eval(x)\n")
    (src / "deeper").chmod(0)
    locked.chmod(0)
    try:
        # The unreadable folder first: the config is looked for in the first readable one.
        result = run(pack, str(locked), str(src))
    finally:
        locked.chmod(0o755)
        (src / "deeper").chmod(0o755)
    denied = os.strerror(errno.EACCES)
    assert result.stderr.splitlines() == [
        f"upstream: {locked}: skipped: cannot read: {denied}",
        f"upstream: {src / 'deeper'}: skipped: cannot read: {denied}",
    ]
    assert result.returncode == 1 and f"{src / 'good.py'}:1:1: t/r" in result.stdout


def test_a_folder_that_cannot_be_listed_is_one_line(
    tmp_path: Path, pack: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # As the test above, where root runs it: chmod cannot stop root, so listing the folder
    # fails as the kernel would fail it for another user.
    src = source_tree(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.py").write_text("eval(x)\n")
    scandir = os.scandir

    def refusing(path: str | os.PathLike[str]) -> object:
        if Path(path).absolute() == locked:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    code, out, err = run_here(pack, capsys, str(locked), str(src))
    assert err == f"upstream: {locked}: skipped: cannot read: {os.strerror(errno.EACCES)}\n"
    assert code == 1 and f"{src / 'good.py'}:1:1: t/r" in out


# 10. Internal errors: exit 2, one line, never the exit code of findings


def test_a_crash_outside_checking_is_one_line_and_exit_2(
    tmp_path: Path, pack: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("report\nbroke")

    monkeypatch.setattr("upstream.cli.check._write_report", broken)
    code, _, err = run_here(pack, capsys, str(source_tree(tmp_path)))
    assert code == 2
    assert err.startswith("upstream: error: internal error: RuntimeError: report broke (at ")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_an_unwritable_report_is_one_line_and_exit_2(tmp_path: Path, pack: Path) -> None:
    result = run(pack, "-o", str(tmp_path), str(source_tree(tmp_path)))
    assert result.returncode == 2
    assert result.stderr == f"upstream: error: {tmp_path}: cannot write: Is a directory\n"


def test_a_crash_checking_one_file_fails_that_file_only(
    tmp_path: Path, pack: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # This held before issue 21; kept here with its siblings.
    src = source_tree(tmp_path)
    (src / "bad.py").write_text("eval(y)\n")

    def failing(path: Path, rule_set: RuleSet, options: CheckOptions, max_bytes: int) -> Result:
        if path.name == "bad.py":
            raise KeyError("boom")
        return check_file(path, rule_set, options, max_bytes)

    monkeypatch.setattr("upstream.scan.parallel.check_file", failing)
    code, out, err = run_here(pack, capsys, str(src))
    assert err.startswith(f"upstream: error: {src / 'bad.py'}: internal error: KeyError: 'boom'")
    assert err.count("\n") == 1
    assert code == 2 and f"{src / 'good.py'}:1:1: t/r" in out


def test_a_crash_fixing_one_file_fails_that_file_only(
    tmp_path: Path, pack: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    src = source_tree(tmp_path)
    (src / "bad.py").write_text("eval(y)\n")

    def failing(source: bytes, edits: list[Edit], spec: LanguageSpec | None) -> FixResult:
        if b"eval(y)" in source:
            raise ValueError("no fix")
        return apply_edits(source, edits, spec)

    monkeypatch.setattr("upstream.cli.check.apply_edits", failing)
    code, _, err = run_here(pack, capsys, "--fix", str(src))
    assert err.startswith(f"upstream: error: {src / 'bad.py'}: internal error: ValueError: no fix")
    assert err.count("\n") == 1
    assert code == 2 and (src / "good.py").read_text() == "safe_eval(x)\n"


# 11. --fix: read-only files and folders, a full disk, symlinks


def test_fix_leaves_a_read_only_file_alone(tmp_path: Path, pack: Path) -> None:
    src = source_tree(tmp_path)
    frozen = src / "frozen.py"
    frozen.write_text("eval(y)\n")
    frozen.chmod(0o444)
    result = run(pack, "--fix", str(src))
    assert result.stderr == f"upstream: {frozen}: fixes not applied: read-only\n"
    assert frozen.read_text() == "eval(y)\n" and stat.S_IMODE(frozen.stat().st_mode) == 0o444
    assert (src / "good.py").read_text() == "safe_eval(x)\n"
    assert result.returncode == 1 and f"{frozen}:1:1: t/r" in result.stdout


@POSIX
@NOT_ROOT
def test_fix_in_a_read_only_folder_is_one_line_and_goes_on(tmp_path: Path, pack: Path) -> None:
    src = source_tree(tmp_path)
    frozen = tmp_path / "frozen"
    frozen.mkdir()
    (frozen / "a.py").write_text("eval(y)\n")
    frozen.chmod(0o555)
    try:
        result = run(pack, "--fix", str(frozen), str(src))
    finally:
        frozen.chmod(0o755)
    denied = os.strerror(errno.EACCES)
    assert result.stderr == (
        f"upstream: {frozen / 'a.py'}: fixes not applied: cannot write: {denied}\n"
    )
    assert (frozen / "a.py").read_text() == "eval(y)\n"
    assert (src / "good.py").read_text() == "safe_eval(x)\n" and result.returncode == 1


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE errors as on Linux")
def test_fix_goes_on_when_the_disk_is_full(tmp_path: Path, pack: Path) -> None:
    # A full disk without a tiny tmpfs (root only): RLIMIT_FSIZE makes the kernel refuse
    # writes past 64 bytes (EFBIG: Python ignores SIGXFSZ), as a full disk refuses them with
    # ENOSPC; both reach write_atomically as the OSError of a write.
    src = source_tree(tmp_path)
    big = src / "big.py"
    big.write_text("x = 1  # a line to make the file longer than the limit\neval(y)\n")

    def small_files() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))

    result = run(pack, "--fix", str(src), preexec=small_files)
    too_large = os.strerror(errno.EFBIG)
    assert result.stderr == f"upstream: {big}: fixes not applied: cannot write: {too_large}\n"
    assert big.read_text().endswith("\neval(y)\n") and (src / "good.py").read_text() == (
        "safe_eval(x)\n"
    )
    assert sorted(path.name for path in src.iterdir()) == ["big.py", "good.py"]  # no temp file
    assert result.returncode == 1 and f"{big}:2:1: t/r" in result.stdout


@POSIX
def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(
    tmp_path: Path, pack: Path
) -> None:
    target = tmp_path / "real" / "target.py"
    target.parent.mkdir()
    target.write_text("eval(x)\n")
    target.chmod(0o640)
    src = tmp_path / "src"
    src.mkdir()
    link = src / "link.py"
    link.symlink_to(target)
    result = run(pack, "--fix", str(src))
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text() == "safe_eval(x)\n" and stat.S_IMODE(target.stat().st_mode) == 0o640


# 12. Line ends: "\r\n", "\n" and a lone "\r" each end a line (LSP 3.17)

MIXED = b"a = 1\rb = 2\r\nc = 3\neval(x)\r"


def test_a_lone_cr_ends_a_line_in_the_report_and_fixes_land_on_the_right_bytes(
    tmp_path: Path, pack: Path
) -> None:
    file = tmp_path / "mac.py"
    file.write_bytes(MIXED)
    report = run(pack, "--format", "json", str(file))
    [finding] = json.loads(report.stdout)
    assert (finding["line"], finding["column"], finding["end_line"]) == (4, 1, 4)
    fixed = run(pack, "--fix", str(file))
    assert fixed.returncode == 0, fixed.stderr
    assert file.read_bytes() == MIXED.replace(b"eval", b"safe_eval")


def test_a_lone_cr_ends_a_line_in_lsp_positions(tmp_path: Path, pack: Path) -> None:
    index = LineIndex.of(MIXED)
    assert index.starts == [0, 6, 13, 19, 27]
    assert index.position(MIXED.index(b"eval")) == types.Position(line=3, character=0)
    assert index.offset(types.Position(line=1, character=99)) == MIXED.index(b"\r\n")
    assert index.offset(types.Position(line=0, character=99)) == MIXED.index(b"\r")
    rules = load_rule_set([pack]).rule_set.for_language("python")
    assert rules is not None
    document = Document("mac.py", MIXED, LANGUAGES["python"])
    [finding] = check_document(document, rules, CheckOptions())
    diagnostic = to_diagnostic(finding, index, None)
    assert diagnostic.range.start == types.Position(line=3, character=0)
    assert diagnostic.range.end == types.Position(line=3, character=7)


def test_lsp_edits_on_lone_cr_lines_land_on_the_right_bytes() -> None:
    item = types.TextDocumentItem("file:///mac.py", "python", 1, MIXED.decode())
    document = OpenDocument.open(item)
    at_line_3 = types.Range(
        start=types.Position(line=3, character=0), end=types.Position(line=3, character=4)
    )
    document.apply([types.TextDocumentContentChangePartial(at_line_3, "safe_eval")], 2)
    assert document.source == MIXED.replace(b"eval", b"safe_eval")
    # tree-sitter counts rows at "\n" only: the points given to it for edits must too.
    tree = LANGUAGES["python"].parser().parse(document.source)
    nodes = [tree.root_node]
    while nodes:
        node = nodes.pop()
        assert document.index.point(node.start_byte) == tuple(node.start_point)
        nodes.extend(node.children)
    # A suppression comment goes above line 3, not above tree-sitter's row 2.
    edit = suppress_line_edit(document, 3, "t/r", "#")
    assert edit.range.start == types.Position(line=3, character=0)


def test_a_fifo_named_like_a_manifest_does_not_block_the_check(tmp_path: Path) -> None:
    # The version resolver reads manifests next to the checked files: only regular ones.
    (tmp_path / "app.py").write_text("import pymongo\nprint(1)\n")
    os.mkfifo(tmp_path / "pyproject.toml")
    os.mkfifo(tmp_path / "requirements.txt")
    result = subprocess.run(
        [sys.executable, "-m", "upstream", "check", "--no-cache", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr


# -- held: kill -9 during --fix, and pack regexes that would backtrack -----------------------

ORIGINAL = (
    "import unittest\n\n\nclass T(unittest.TestCase):\n"
    "    def test(self):\n        self.assertEquals(1, 1)\n"
)
FIXED = ORIGINAL.replace("assertEquals", "assertEqual")


def test_kill_9_during_fix_leaves_every_file_whole(tmp_path: Path) -> None:
    files = [tmp_path / f"test_{n:03}.py" for n in range(300)]
    for file in files:
        file.write_text(ORIGINAL)
    command = [sys.executable, "-m", "upstream", "check", "--fix", "--no-cache", "-j", "1"]
    child = subprocess.Popen(
        [*command, str(tmp_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and child.poll() is None:
            if any(file.read_text() == FIXED for file in files):
                break
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=10)
    # Each file is the original or the fixed text, never a mix or a truncated write; a
    # leftover temporary file (killed between write and rename) is not a .py file.
    assert {file.read_text() for file in files} <= {ORIGINAL, FIXED}
    assert sorted(tmp_path.glob("*.py")) == files


def test_a_pack_regex_that_would_backtrack_runs_in_linear_time(tmp_path: Path) -> None:
    pack = write_pack(
        tmp_path / "packs",
        rule_yaml(
            """
            match: { pattern: "check($S)" }
            where:
              S: { regex: '^(a+)+$' }
            """
        ),
    )
    (tmp_path / "code").mkdir()
    (tmp_path / "code" / "x.py").write_text(f'check("{"a" * 5000}b")\n')
    command = [sys.executable, "-m", "upstream", "check", "--no-cache", "--no-bundled"]
    started = time.monotonic()
    result = subprocess.run(
        [*command, "--pack", str(pack), str(tmp_path / "code")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 20  # Python's re would take longer than the universe
