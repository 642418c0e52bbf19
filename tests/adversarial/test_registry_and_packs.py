"""Hostile indexes, locks, servers and pack files (issue 21), against a real server on 127.0.0.1.

Each case ends in a one-line refusal that names no digest of a local file, within a few
seconds, and leaves the cache and the lock as they were; a bad pack never stops the others.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import test_pack_registry as registry
from conftest import rule_yaml, write_pack
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from upstream.packs.archive import build_archive
from upstream.packs.client import Fetcher, NetworkSettings
from upstream.packs.install import Installer
from upstream.packs.store import PackStore
from upstream.packs.urls import FetchError
from upstream.packs.yaml_source import load_yaml

# The registry tests' server (with its faults), publisher and project, reused as they are.
publisher, env = registry.publisher, registry.env
upstream, snapshot = registry.upstream, registry.snapshot

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="/dev/zero, FIFOs and flock")
ZERO_SHA = "0" * 64
NOT_REGULAR = "refused: not a regular file"


# ---------------------------------------------------------------- a trickling server

TRICKLE_PREFIX = "/slow/"
TRICKLE_INTERVAL = 0.05
TRICKLE_PATH = f"{TRICKLE_PREFIX}demo-1.0.0.tar.gz"


class _TricklingHandler(registry._Handler):
    """The registry tests' handler, but ``/slow/...`` sends one byte per TRICKLE_INTERVAL:
    every read is quick, so only a deadline or a minimum rate can end the download."""

    def do_GET(self) -> None:
        if not self.path.startswith(TRICKLE_PREFIX):
            super().do_GET()
            return
        with self.server.guard:
            self.server.hits[self.path] += 1
        self.send_response(200)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        for _ in range(1000):
            if self.server.release.is_set():
                return
            try:
                self.wfile.write(b"x")
                self.wfile.flush()
            except OSError:
                return  # the client hung up, as it should
            time.sleep(TRICKLE_INTERVAL)


@pytest.fixture
def server() -> Iterator[registry.PackServer]:
    running = registry.PackServer()
    running.httpd.RequestHandlerClass = _TricklingHandler
    yield running
    running.close()


def _point_newest_at(publisher: registry.Publisher, url: str) -> None:
    """Make the index's newest demo version name ``url`` as its archive."""
    packs = publisher.index["packs"]
    assert isinstance(packs, dict)
    packs["demo"]["versions"][0]["url"] = url
    publisher.serve_index()


def _installer(cache: Path, project: Path, **settings: float) -> Installer:
    fetcher = Fetcher(NetworkSettings(backoff=0.01, **settings), progress=False)  # type: ignore[arg-type]
    return Installer(PackStore(cache), project, fetcher=fetcher)


def _work_folders(cache: Path) -> list[Path]:
    return sorted(cache.glob(".tmp-*"))


# ------------------------------------------------------------------------- file: URLs


def _secret(tmp_path: Path) -> tuple[Path, str]:
    """A short local secret and its sha256, which no message may show."""
    secret = tmp_path / "secret.txt"
    secret.write_text("hunter2\n")
    return secret, hashlib.sha256(secret.read_bytes()).hexdigest()


@posix_only
@pytest.mark.parametrize("target", ["/dev/zero", "secret"])
def test_a_remote_index_cannot_name_a_local_file(env, publisher, capsys, tmp_path, target):
    secret, digest = _secret(tmp_path)
    url = secret.as_uri() if target == "secret" else "file:///dev/zero"
    publisher.publish("1.0.0")
    _point_newest_at(publisher, url)
    before = snapshot(env, env.parent / "cache")
    code, _, err = upstream(capsys, "pack", "add", "demo", "--index", publisher.index_url)
    assert code == 2
    refusal = f"{url}: refused: a file: URL is allowed only from a local index"
    assert err.strip().splitlines() == [f"upstream: error: {refusal}"]
    assert digest not in err
    assert snapshot(env, env.parent / "cache") == before


@posix_only
@pytest.mark.parametrize("kind", ["device", "symlink to a device", "fifo"])
def test_a_local_index_may_name_only_regular_files(env, capsys, tmp_path, kind):
    site = tmp_path / "site"
    site.mkdir()
    archive = site / "demo-1.0.0.tar.gz"
    if kind == "fifo":
        os.mkfifo(archive)
    elif kind == "symlink to a device":
        archive.symlink_to("/dev/zero")
    url = "file:///dev/zero" if kind == "device" else archive.name
    entry = {"version": "1.0.0", "url": url, "sha256": ZERO_SHA, "size": 10}
    index = {"packs": {"demo": {"title": "Demo", "versions": [entry]}}}
    (site / "index.json").write_text(json.dumps(index))
    code, _, err = upstream(capsys, "pack", "add", "demo", "--index", str(site / "index.json"))
    assert code == 2
    [line] = [line for line in err.splitlines() if line.startswith("upstream: error: ")]
    assert line.startswith("upstream: error: file:///")
    assert line.endswith(f": {NOT_REGULAR}")
    assert not (env / "upstream.lock").exists()


# (source, index, the problem) of hand-written locks; "SECRET" stands for a local secret's URL.
LOCK_CASES = {
    "file:///dev/zero": ("file:///dev/zero", None, NOT_REGULAR),
    "path /dev/zero": ("/dev/zero", None, NOT_REGULAR),
    "path to a fifo": ("vendor.tar.gz", None, NOT_REGULAR),
    "a secret": ("SECRET", None, "the local file differs; refused"),
    "a secret, from a remote index": (
        "SECRET",
        "https://packs.example.org/index.json",
        "refused: a file: URL is allowed only from a local index",
    ),
}


@posix_only
@pytest.mark.parametrize("case", list(LOCK_CASES))
def test_a_committed_lock_cannot_read_devices_or_show_a_files_hash(env, capsys, tmp_path, case):
    source, index, message = LOCK_CASES[case]
    secret, digest = _secret(tmp_path)
    os.mkfifo(env / "vendor.tar.gz")
    source = secret.as_uri() if source == "SECRET" else source
    lines = ["version = 1", "", "[[pack]]", 'name = "demo"', 'version = "1.0.0"']
    lines += [f'sha256 = "{ZERO_SHA}"', f"source = {json.dumps(source)}"]
    if index is not None:
        lines.append(f"index = {json.dumps(index)}")
    (env / "upstream.lock").write_text("\n".join(lines) + "\n")
    started = time.monotonic()
    code, out, err = upstream(capsys, "check", "app.py")
    assert time.monotonic() - started < 10
    assert code == 2 and "no findings" in out
    [skipped] = [line for line in err.splitlines() if "pack skipped" in line]
    assert message in skipped, err
    assert digest not in err
    assert _work_folders(env.parent / "cache") == []


# ------------------------------------------------------------------ slow servers


def test_a_trickling_download_ends_at_the_deadline(env, publisher, tmp_path):
    publisher.publish("1.0.0")
    _point_newest_at(publisher, TRICKLE_PATH.lstrip("/"))
    cache = tmp_path / "cache"
    # No minimum rate: the deadline alone ends it, and no retry follows.
    installer = _installer(cache, env, deadline=1.0, retries=2, min_rate=0)
    started = time.monotonic()
    with pytest.raises(
        FetchError, match=r"slow/demo-1\.0\.0\.tar\.gz: not complete within the 1 s"
    ):
        installer.from_index(publisher.index_url, "demo", None)
    installer.close()
    assert 1.0 <= time.monotonic() - started < 3
    assert publisher.server.hits(TRICKLE_PATH) == 1
    assert not (cache / "packs").exists() and _work_folders(cache) == []


def test_a_body_under_the_minimum_rate_is_dropped_and_retried(env, publisher, tmp_path):
    publisher.publish("1.0.0")
    _point_newest_at(publisher, TRICKLE_PATH.lstrip("/"))
    installer = _installer(tmp_path / "cache", env, retries=1, min_rate=10_000, rate_grace=0.3)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"too slow \(\d+ bytes in 0\.\d s, under 10000 bytes/s\)"):
        installer.from_index(publisher.index_url, "demo", None)
    installer.close()
    assert time.monotonic() - started < 3
    assert publisher.server.hits(TRICKLE_PATH) == 2


def _wait_for_download(child: subprocess.Popen[bytes], server: registry.PackServer) -> None:
    """Return once ``child`` is receiving the trickling archive."""
    ends = time.monotonic() + 10
    while not server.hits(TRICKLE_PATH):
        assert child.poll() is None, "the download ended on its own"
        assert time.monotonic() < ends, "no download after 10 s"
        time.sleep(0.05)


@posix_only
def test_a_killed_downloads_work_folder_is_removed_later(env, publisher, capsys, tmp_path):
    import fcntl

    cache = tmp_path / "cache"
    publisher.publish("1.0.0")
    _point_newest_at(publisher, TRICKLE_PATH.lstrip("/"))
    command = [sys.executable, "-m", "upstream", "pack", "add", "demo"]
    child = subprocess.Popen(
        [*command, "--index", publisher.index_url], cwd=env, stderr=subprocess.DEVNULL
    )
    try:
        _wait_for_download(child, publisher.server)
    finally:
        child.kill()
        child.wait(timeout=10)
    [killed] = _work_folders(cache)
    # A folder a killed process left, one just made, and an old one a live process holds.
    young = cache / ".tmp-young"
    held = cache / ".tmp-held"
    young.mkdir()
    held.mkdir()
    hour_ago = time.time() - 3600
    for folder in (killed, held):
        os.utime(folder, (hour_ago, hour_ago))
    holder = os.open(held, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        publisher.publish("1.1.0")  # served normally: the next install succeeds
        code, _, err = upstream(capsys, "pack", "add", "demo", "--index", publisher.index_url)
        assert code == 0, err
        assert _work_folders(cache) == [held, young]
    finally:
        os.close(holder)
    os.utime(young, (hour_ago, hour_ago))
    code, out, err = upstream(capsys, "pack", "verify", "--offline")
    assert code == 0 and "demo 1.1.0: ok" in out, err
    assert _work_folders(cache) == []


def test_pack_verify_cleans_stale_work_folders_even_with_nothing_locked(env, capsys, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir(exist_ok=True)
    stale = cache / ".tmp-stale"
    stale.mkdir()
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    code, _, err = upstream(capsys, "pack", "verify", "--offline")
    assert code == 0, err
    assert _work_folders(cache) == []
    assert "removed .tmp-stale" in err


# ----------------------------------------------------------------- YAML alias bombs


def _laughs(levels: int = 9, width: int = 9) -> str:
    """A billion laughs: under 1 KB of YAML standing for ``width ** levels`` (387M) nodes."""
    lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * width)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


GOOD_RULE = rule_yaml("match:\n  pattern: eval($X)", message="good pack ran")
BOMBS = {
    "rules.yaml": ("rules.yaml", _laughs() + "rules: [*l8]\n", "too many YAML aliases"),
    "pack.yaml": (
        "pack.yaml",
        "name: bad\nversion: 0.1.0\ntitle: Bad\n" + _laughs(),
        "too many YAML aliases",
    ),
    "recursive alias": ("rules.yaml", "rules: &r [*r]\n", "recursive YAML alias"),
}


@pytest.mark.parametrize("case", sorted(BOMBS))
def test_an_alias_bomb_skips_only_its_own_pack(tmp_path, capsys, monkeypatch, case):
    name, text, message = BOMBS[case]
    assert len(text) < 1024
    project = tmp_path / "project"
    write_pack(project, GOOD_RULE, "good")
    bad = write_pack(project, GOOD_RULE, "bad")
    (bad / name).write_text(text)
    (project / "upstream.toml").write_text('packs = []\npack-paths = ["good", "bad"]\n')
    (project / "app.py").write_text("eval(user_input)\n")
    monkeypatch.chdir(project)
    monkeypatch.setenv("UPSTREAM_CACHE_DIR", str(tmp_path / "cache"))
    started = time.monotonic()
    code, out, err = upstream(capsys, "check", "--offline", "app.py")
    assert time.monotonic() - started < 10
    assert code == 2  # a pack problem, as for any invalid pack
    assert "good/r good pack ran" in out
    [skipped] = err.strip().splitlines()
    assert skipped.startswith(f"upstream: pack skipped: {bad / name}:") and message in skipped


def test_pack_update_refuses_a_signed_archive_holding_a_bomb(env, publisher, capsys):
    folder = publisher.pack_folder("1.1.0")
    (folder / "rules.yaml").write_text(_laughs() + "rules: [*l8]\n")
    archive = publisher.root / "dist" / "bomb.tar.gz"
    build_archive(folder, archive)
    data = archive.read_bytes()
    index_key, signature = registry._signed(data, Ed25519PrivateKey.generate())
    registry._refused_update(
        env, publisher, capsys, "too many YAML aliases", data=data,
        index_key=index_key, signature=signature,
    )  # fmt: skip


def test_ordinary_anchors_still_load():
    text = "base: &base {severity: warning}\nrules:\n  - *base\n  - *base\n  - {<<: *base}\n"
    document = load_yaml(text)
    assert document.data["rules"] == [{"severity": "warning"}] * 3
    assert document.line_of(("rules", 2)) == 5
