"""`upstream check --jobs N`: worker processes change how long a check takes, nothing else."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, run_cli, write_pack
from upstream import scan
from upstream.engine import CheckOptions
from upstream.packs import Requirement, load_rule_set
from upstream.scan import Failed, iter_source_files
from upstream.workspace import CheckSettings

RULES = """\
rules:
  - id: eval
    title: eval
    languages: [python, javascript, go]
    message: "eval of {{X}}"
    docs: https://example.org/docs
    match:
      pattern: eval($X)
    fix: safe_eval($X)
  - id: exec
    title: exec
    languages: [python]
    message: "exec of {{X}}"
    docs: https://example.org/docs
    match:
      pattern: exec($X)
    fix: {template: "safe_exec($X)", safe: false}
  - id: gated
    title: gated
    languages: [javascript]
    message: foo.bar is gone in foo 2
    docs: https://example.org/docs
    requires: {npm: "foo>=2"}
    match:
      pattern: foo.bar($X)
"""

# Enough source that a pool of forked workers is started (scan.MIN_POOL_BYTES).
PADDING = 120


def padding(line: str) -> str:
    return "".join(line.format(index) for index in range(PADDING))


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    python = padding("value_{0} = compute({0}, 'some text to make the file longer')\n")
    javascript = padding("const value{0} = compute({0}, 'some text to make it longer');\n")
    go = padding('\tvalue{0} := compute({0}, "some text to make the file longer")\n')
    files = {
        "py/a.py": f"{python}x = eval(data)\nexec(code)\n",
        "py/b.py": f"import os\n{python}y = eval(os.environ['X'])  # upstream: ignore[t/eval]\n",
        "py/c.py": python,
        "py/nested/d.py": f"{python}eval(first)\n{python}eval(second)\n",
        "web/app.js": f"{javascript}const z = eval(input);\nfoo.bar(1);\n",
        "web/lib.js": javascript,
        "web/package.json": "{ this is not json",
        "go/main.go": f"package main\n\nfunc main() {{\n{go}\teval(x)\n}}\n",
        "go/util.go": f"package main\n\nfunc util() {{\n{go}}}\n",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    (root / "py" / "binary.py").write_bytes(b"\x00\x01eval(x)\n" * 100)
    (root / "py" / "latin1.py").write_bytes("s = 'caf\xe9'\neval(x)\n".encode("latin-1"))
    (root / "py" / "dangling.py").symlink_to(root / "nowhere.py")
    return root


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "packs", RULES)


def check(pack: Path, tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("check", "--no-bundled", "--pack", str(pack), *args, ".", cwd=tree)


def same(one: subprocess.CompletedProcess[str], other: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in one.stderr + other.stderr, one.stderr + other.stderr
    assert (one.returncode, one.stdout, one.stderr) == (
        other.returncode,
        other.stdout,
        other.stderr,
    )


@pytest.mark.parametrize("report", ["text", "json", "sarif"])
def test_two_jobs_report_exactly_what_one_does(tree: Path, pack: Path, report: str) -> None:
    serial = check(pack, tree, "--no-cache", "--format", report, "-j1")
    parallel = check(pack, tree, "--no-cache", "--format", report, "-j2")
    same(serial, parallel)
    assert serial.returncode == 1
    if report == "text":
        lines = serial.stdout.splitlines()
        assert sum(": t/" in line for line in lines) == 7, serial.stdout
        assert (
            lines[-1] == "Found 7 findings. 5 fixable with --fix. 1 more with --fix --unsafe-fixes."
        )
        skipped = [line for line in serial.stderr.splitlines() if "skipped" in line]
        assert len(skipped) == 3, serial.stderr
        # The broken manifest is reported once, not once per worker.
        assert serial.stderr.count("skipping malformed") == 1, serial.stderr


def test_diff_and_fix_under_two_jobs_do_what_one_job_does(
    tree: Path, pack: Path, tmp_path: Path
) -> None:
    same(check(pack, tree, "--no-cache", "--diff", "-j1"), check(pack, tree, "--diff", "-j2"))
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-a", str(tree), str(copy)], check=True)
    serial = check(pack, tree, "--no-cache", "--fix", "--unsafe-fixes", "-j1")
    parallel = check(pack, copy, "--no-cache", "--fix", "--unsafe-fixes", "-j2")
    parallel.stderr = parallel.stderr.replace(str(copy), str(tree))  # the manifest's warning
    same(serial, parallel)
    assert serial.returncode == 1  # the gated finding has no fix
    for file in sorted(tree.rglob("*")):
        if file.is_file() and not file.is_symlink():
            assert file.read_bytes() == (copy / file.relative_to(tree)).read_bytes(), file
    assert (tree / "py" / "a.py").read_text().endswith("x = safe_eval(data)\nsafe_exec(code)\n")


def test_the_cache_is_shared_between_job_counts(
    tree: Path, pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UPSTREAM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("UPSTREAM_CACHE_STATS", "1")
    cold = check(pack, tree, "-j2")
    warm = check(pack, tree, "-j2")
    serial = check(pack, tree, "-j1")
    assert "cache: 0 hits, 8 misses" in cold.stderr
    assert "cache: 8 hits, 0 misses" in warm.stderr
    assert "cache: 8 hits, 0 misses" in serial.stderr
    uncached = check(pack, tree, "--no-cache", "-j1")
    assert cold.stdout == warm.stdout == serial.stdout == uncached.stdout
    (tree / "py" / "c.py").write_text("eval(changed)\n")
    edited = check(pack, tree, "-j2")
    assert "cache: 7 hits, 1 misses" in edited.stderr
    assert "py/c.py:1:1: t/eval eval of changed" in edited.stdout


def test_jobs_must_be_positive(tree: Path, pack: Path) -> None:
    result = check(pack, tree, "--jobs", "0")
    assert result.returncode == 2
    assert result.stderr == "upstream: error: --jobs must be at least 1\n"


def _scan(
    tree: Path,
    pack: Path,
    jobs: int,
    method: str | None = None,
    setup_type: type = scan.ScanSetup,
    pooled: bool | None = None,
) -> list[tuple[str, object]]:
    setup = setup_type((pack,), CheckSettings())
    loaded = load_rule_set([pack])
    files = iter_source_files([tree], root=tree)
    results = []
    workers = set()
    for file, result in scan.check_files(
        files, setup, loaded.rule_set, setup.options(), None, jobs, method
    ):
        workers.update(child.pid for child in multiprocessing.active_children())
        results.append((file.relative_to(tree).as_posix(), result))
    assert bool(workers) == (jobs > 1 if pooled is None else pooled), workers
    assert not multiprocessing.active_children()
    return results


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_workers_by_either_start_method_find_the_same(
    tree: Path, pack: Path, method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} here")
    if method != "fork":
        # A spawned worker loads the packs again: a pool only pays off for much more source.
        monkeypatch.setitem(scan.MIN_POOL_BYTES, method, 0)
    assert _scan(tree, pack, 2, method) == _scan(tree, pack, 1)


def test_a_few_small_files_are_checked_without_workers(tmp_path: Path, pack: Path) -> None:
    for name in ("a.py", "b.py", "c.js", "d.js"):
        (tmp_path / name).write_text("eval(x)\n")
    assert _scan(tmp_path, pack, 2, "fork", pooled=False) == _scan(tmp_path, pack, 1)


class _FailingSetup(scan.ScanSetup):
    """A caller whose version answers raise on one file, as a bug in the engine would."""

    def options(self) -> CheckOptions:
        def versions(requirement: Requirement, path: Path) -> bool | None:
            if path.name == "app.js":
                raise RuntimeError("no answer\nfor this file")
            return None

        return CheckOptions(versions=versions)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_an_error_in_a_worker_is_one_line_naming_the_file(
    tree: Path, pack: Path, method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} here")
    monkeypatch.setitem(scan.MIN_POOL_BYTES, method, 0)
    serial = dict(_scan(tree, pack, 1, setup_type=_FailingSetup))
    parallel = dict(_scan(tree, pack, 2, method, setup_type=_FailingSetup))
    assert serial == parallel
    failed = parallel["web/app.js"]
    assert isinstance(failed, Failed)
    assert str(failed).startswith(f"{tree / 'web' / 'app.js'}: internal error: RuntimeError: ")
    assert "no answer for this file (at " in str(failed) and "test_parallel.py:" in str(failed)
    assert isinstance(parallel["web/lib.js"], list)


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_ctrl_c_leaves_no_worker_behind(tmp_path: Path) -> None:
    # The bundled packs over ~1.5 MB: seconds of work, so Ctrl-C lands mid-check.
    source = (REPO / "server" / "upstream" / "scan" / "parallel.py").read_text()
    for index in range(100):
        (tmp_path / f"m{index}.py").write_text(source)
    command = [sys.executable, "-m", "upstream", "check", "--no-cache", "-j2", str(tmp_path)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while not workers and process.poll() is None and time.monotonic() < deadline:
        workers = [int(pid) for pid in children.read_text().split()]
    assert workers, "no worker processes started"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    assert b"Traceback" not in stderr, stderr
    for pid in workers:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
