"""`upstream pack add/update/remove/list/outdated/verify` against a real HTTP server on 127.0.0.1.

The server is an `http.server` thread serving an index and archives, with faults on demand
(500s, hangs, 404s, connections closed mid-body). After every refused install the cache and
upstream.lock must be byte-for-byte what they were.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import tarfile
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import rule_yaml, run_cli, write_pack
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from upstream.cli import main
from upstream.packs.archive import build_archive

EVAL_RULE = rule_yaml("match:\n  pattern: eval($X)", message="eval v{VERSION}")


# ------------------------------------------------------------------------ the server


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    # "normal", "hang" (answer nothing until the test ends) or "truncate" (close mid-body)
    mode: str = "normal"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, list[Reply]]
    hits: Counter[str]
    release: threading.Event
    guard: threading.Lock


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        with self.server.guard:
            self.server.hits[self.path] += 1
            replies = self.server.routes.get(self.path)
            if not replies:
                reply = Reply(404, b"not found")
            else:
                reply = replies.pop(0) if len(replies) > 1 else replies[0]
        if reply.mode == "hang":
            self.server.release.wait(timeout=30)
            return
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if reply.mode == "truncate":
            # HTTP/1.0: the connection closes when the handler returns, mid-body.
            self.wfile.write(reply.body[: len(reply.body) // 2])
            self.wfile.flush()
            return
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class PackServer:
    def __init__(self) -> None:
        # Bound and listening once constructed: requests queue until serve_forever runs.
        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.routes = {}
        self.httpd.hits = Counter()
        self.httpd.release = threading.Event()
        self.httpd.guard = threading.Lock()
        # A short poll interval keeps shutdown() (which waits for one poll) quick.
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def serve(self, path: str, *replies: Reply) -> None:
        with self.httpd.guard:
            self.httpd.routes[path] = list(replies)

    def hits(self, path: str) -> int:
        return self.httpd.hits[path]

    def close(self) -> None:
        self.httpd.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[PackServer]:
    running = PackServer()
    yield running
    running.close()


# ----------------------------------------------------------------------- publishing


@dataclass
class Publisher:
    """Builds packs, archives and the index the server hands out."""

    root: Path
    server: PackServer
    index: dict[str, object] = field(default_factory=lambda: {"format": 1, "packs": {}})

    @property
    def index_url(self) -> str:
        return f"{self.server.url}/index.json"

    def pack_folder(self, version: str, upstream: str = ">=0.1", name: str = "demo") -> Path:
        manifest = f"name: {name}\nversion: {version}\ntitle: Demo\nupstream: '{upstream}'\n"
        rules = EVAL_RULE.replace("{VERSION}", version)
        return write_pack(self.root / "src" / f"{name}-{version}", rules, name, manifest)

    def archive(self, version: str, upstream: str = ">=0.1", name: str = "demo") -> bytes:
        target = self.root / "dist" / f"{name}-{version}.tar.gz"
        build_archive(self.pack_folder(version, upstream, name), target)
        return target.read_bytes()

    def publish(
        self,
        version: str,
        data: bytes | None = None,
        *,
        upstream: str = ">=0.1",
        replies: tuple[Reply, ...] | None = None,
        sha256: str | None = None,
        signature: str | None = None,
        name: str = "demo",
    ) -> str:
        """Add a version to the index and serve its archive; returns the archive's path."""
        data = self.archive(version, upstream, name) if data is None else data
        path = f"/archives/{name}-{version}.tar.gz"
        self.server.serve(path, *(replies or (Reply(body=data),)))
        entry: dict[str, object] = {
            "version": version,
            "url": path.lstrip("/"),
            "sha256": sha256 or hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "upstream": upstream,
            "languages": ["python"],
        }
        if signature is not None:
            entry["signature"] = signature
        packs = self.index["packs"]
        assert isinstance(packs, dict)
        pack = packs.setdefault(name, {"title": "Demo", "versions": []})
        pack["versions"].insert(0, entry)
        self.serve_index()
        return path

    def serve_index(self) -> None:
        self.server.serve("/index.json", Reply(body=json.dumps(self.index).encode()))


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder as cwd, a private cache, fast retries; returns the project."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "upstream.toml").write_text("packs = []\n")
    (project / "app.py").write_text("result = eval(user_input)\n")
    monkeypatch.chdir(project)
    monkeypatch.setenv("UPSTREAM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("UPSTREAM_HTTP_RETRIES", "2")
    monkeypatch.setenv("UPSTREAM_HTTP_BACKOFF", "0.01")
    monkeypatch.setenv("UPSTREAM_HTTP_TIMEOUT", "5")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.delenv("UPSTREAM_INDEX", raising=False)
    monkeypatch.delenv("UPSTREAM_OFFLINE", raising=False)
    return project


@pytest.fixture
def publisher(tmp_path: Path, server: PackServer) -> Publisher:
    return Publisher(tmp_path / "publisher", server)


def upstream(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI in this process (the server thread answers meanwhile)."""
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def snapshot(*roots: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder under ``roots`` (None for a folder)."""
    state: dict[str, bytes | None] = {}
    for root in roots:
        for path in sorted(root.rglob("*")):
            state[str(path)] = path.read_bytes() if path.is_file() else None
    return state


def lock_of(project: Path) -> str:
    return (project / "upstream.lock").read_text()


# ------------------------------------------------------------------------ happy paths


def test_add_locks_the_pack_and_check_uses_it_offline(env, publisher, capsys):
    archive = publisher.publish("1.0.0")
    code, _, err = upstream(capsys, "pack", "add", "demo", "--index", publisher.index_url)
    assert code == 0, err
    assert "added demo 1.0.0" in err
    lock = lock_of(env)
    sha = hashlib.sha256((publisher.root / "dist" / "demo-1.0.0.tar.gz").read_bytes()).hexdigest()
    assert 'name = "demo"' in lock and 'version = "1.0.0"' in lock
    assert f'sha256 = "{sha}"' in lock
    assert f'source = "{publisher.server.url}{archive}"' in lock
    assert f'index = "{publisher.index_url}"' in lock
    assert (env.parent / "cache" / "packs" / sha / "pack.yaml").is_file()

    code, out, _ = upstream(capsys, "pack", "list")
    assert code == 0 and out.startswith(f"demo 1.0.0  sha256:{sha[:12]}  cached")

    # The real console script, offline: the locked pack comes from the cache.
    result = run_cli("check", "--offline", "app.py", cwd=env)
    assert result.returncode == 1, result.stderr
    assert "demo/r eval v1.0.0" in result.stdout


def test_second_project_gets_a_cache_hit(env, publisher, capsys, tmp_path, monkeypatch):
    archive = publisher.publish("1.0.0")
    assert upstream(capsys, "pack", "add", "demo", "--index", publisher.index_url)[0] == 0
    other = tmp_path / "other"
    other.mkdir()
    (other / "upstream.toml").write_text("")
    monkeypatch.chdir(other)
    code, _, err = upstream(capsys, "pack", "add", "demo", "--index", publisher.index_url)
    assert code == 0 and "from the cache" in err
    assert publisher.server.hits(archive) == 1  # no second download
    assert publisher.server.hits("/index.json") == 2
    assert lock_of(other) == lock_of(env)


def test_offline_reuse_after_the_server_is_gone(env, publisher, capsys):
    publisher.publish("1.0.0")
    assert upstream(capsys, "pack", "add", "demo", "--index", publisher.index_url)[0] == 0
    publisher.server.close()
    for args in (["--offline"], []):
        code, out, err = upstream(capsys, "check", *args, "app.py")
        assert code == 1, err
        assert "demo/r eval v1.0.0" in out


def test_missing_pack_is_fetched_only_when_not_offline(env, publisher, capsys, tmp_path):
    archive = publisher.publish("1.0.0")
    assert upstream(capsys, "pack", "add", "demo", "--index", publisher.index_url)[0] == 0
    lock = lock_of(env)
    shutil.rmtree(tmp_path / "cache")
    code, out, err = upstream(capsys, "check", "--offline", "app.py")
    assert code == 2
    assert "not in the cache and --offline forbids fetching it" in err
    assert publisher.server.hits(archive) == 1

    code, out, err = upstream(capsys, "check", "app.py")
    assert code == 1, err
    assert "demo/r eval v1.0.0" in out
    assert publisher.server.hits(archive) == 2
    assert lock_of(env) == lock


def test_update_outdated_and_remove(env, publisher, capsys):
    publisher.publish("1.0.0")
    assert upstream(capsys, "pack", "add", "demo", "--index", publisher.index_url)[0] == 0
    code, _, err = upstream(capsys, "pack", "outdated")
    assert code == 0 and "up to date" in err

    publisher.publish("1.1.0")
    code, out, _ = upstream(capsys, "pack", "outdated")
    assert code == 1
    assert out.splitlines()[1].split() == ["demo", "1.0.0", "1.1.0", "1.1.0"]

    code, _, err = upstream(capsys, "pack", "update")
    assert code == 0 and "updated demo 1.0.0 -> 1.1.0" in err
    assert 'version = "1.1.0"' in lock_of(env)
    assert upstream(capsys, "pack", "outdated")[0] == 0
    code, out, _ = upstream(capsys, "check", "--offline", "app.py")
    assert "eval v1.1.0" in out

    code, _, err = upstream(capsys, "pack", "remove", "demo")
    assert code == 0
    assert "[[pack]]" not in lock_of(env)
    code, out, _ = upstream(capsys, "check", "--offline", "app.py")
    assert code == 0 and "no findings" in out


def test_a_pinned_request_is_kept_by_update(env, publisher, capsys):
    publisher.publish("1.0.0")
    publisher.publish("1.1.0")
    code, _, err = upstream(capsys, "pack", "add", "demo@1.0.0", "--index", publisher.index_url)
    assert code == 0, err
    assert 'requested = "1.0.0"' in lock_of(env)
    before = lock_of(env)
    code, _, err = upstream(capsys, "pack", "update")
    assert code == 0 and "up to date" in err
    assert lock_of(env) == before
    code, out, _ = upstream(capsys, "pack", "outdated")
    assert code == 1 and out.splitlines()[1].split() == ["demo", "1.0.0", "1.0.0", "1.1.0"]


def test_retry_after_a_500(env, publisher, capsys):
    data = publisher.archive("1.0.0")
    archive = publisher.publish("1.0.0", data, replies=(Reply(500, b"oops"), Reply(body=data)))
    code, _, err = upstream(capsys, "pack", "add", "demo", "--index", publisher.index_url)
    assert code == 0, err
    assert publisher.server.hits(archive) == 2


def test_engine_incompatible_version_is_refused_before_download(env, publisher, capsys):
    publisher.publish("1.0.0")
    archive = publisher.publish("2.0.0", upstream=">=99")
    code, _, err = upstream(capsys, "pack", "add", "demo@2.0.0", "--index", publisher.index_url)
    assert code == 2
    assert "pack demo 2.0.0 needs upstream >=99" in err
    assert "pip install -U 'upstream>=99'" in err
    assert len(err.strip().splitlines()) == 1
    assert publisher.server.hits(archive) == 0
    assert not (env / "upstream.lock").exists()
    # Without a version, the newest compatible one is chosen.
    code, _, err = upstream(capsys, "pack", "add", "demo", "--index", publisher.index_url)
    assert code == 0 and "added demo 1.0.0" in err
    code, out, _ = upstream(capsys, "pack", "outdated")
    assert "2.0.0 (needs upstream >=99" in out


def test_signed_index_from_pack_index(env, publisher, capsys, tmp_path):
    key_file = tmp_path / "signing.pem"
    key_file.write_bytes(
        Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    site = tmp_path / "site"
    build_archive(publisher.pack_folder("1.0.0"), site / "demo-1.0.0.tar.gz")
    index = site / "index.json"
    code, _, err = upstream(
        capsys, "pack", "index", str(site / "demo-1.0.0.tar.gz"), "-o", str(index),
        "--sign-key", str(key_file),
    )  # fmt: skip
    assert code == 0, err
    published = json.loads(index.read_text())
    assert published["public_key"] and published["packs"]["demo"]["versions"][0]["signature"]
    publisher.server.serve("/index.json", Reply(body=index.read_bytes()))
    data = (site / "demo-1.0.0.tar.gz").read_bytes()
    publisher.server.serve("/demo-1.0.0.tar.gz", Reply(body=data))
    code, _, err = upstream(capsys, "pack", "add", "demo", "--index", publisher.index_url)
    assert code == 0, err
    assert f'public-key = "{published["public_key"]}"' in lock_of(env)


def test_https_is_required_beyond_localhost(env, capsys):
    code, _, err = upstream(capsys, "pack", "add", "demo", "--index", "http://example.com/i.json")
    assert code == 2
    assert "refused: packs and indexes are fetched over HTTPS" in err


def test_add_archive_by_url_and_by_path(env, publisher, capsys, tmp_path):
    archive = publisher.publish("1.0.0")
    code, _, err = upstream(capsys, "pack", "add", f"{publisher.server.url}{archive}")
    assert code == 0, err
    assert f'source = "{publisher.server.url}{archive}"' in lock_of(env)

    local = env / "vendor" / "demo-1.1.0.tar.gz"
    local.parent.mkdir()
    local.write_bytes(publisher.archive("1.1.0"))
    code, _, err = upstream(capsys, "pack", "add", "--sha256", "0" * 64, "vendor/demo-1.1.0.tar.gz")
    assert code == 2 and "sha256 mismatch" in err
    code, _, err = upstream(capsys, "pack", "add", "vendor/demo-1.1.0.tar.gz")
    assert code == 0, err
    lock = lock_of(env)
    assert 'source = "vendor/demo-1.1.0.tar.gz"' in lock and "index =" not in lock


def test_verify_finds_a_tampered_cache_and_refetches_a_missing_one(env, publisher, capsys):
    publisher.publish("1.0.0")
    assert upstream(capsys, "pack", "add", "demo", "--index", publisher.index_url)[0] == 0
    code, out, _ = upstream(capsys, "pack", "verify")
    assert code == 0 and out.startswith("demo 1.0.0: ok")

    [folder] = (env.parent / "cache" / "packs").iterdir()
    (folder / "rules.yaml").write_text("rules: []\n")
    code, _, err = upstream(capsys, "pack", "verify", "--offline")
    assert code == 2 and "rules.yaml was changed" in err

    shutil.rmtree(env.parent / "cache")
    code, _, err = upstream(capsys, "pack", "verify", "--offline")
    assert code == 2 and "not in the cache" in err
    code, out, err = upstream(capsys, "pack", "verify")
    assert code == 0, err
    assert "demo 1.0.0: ok" in out


# ------------------------------------------------------------- refused installs


def _tar(*members: tuple[tarfile.TarInfo, bytes]) -> bytes:
    """A gzipped tar with a valid demo 1.1.0 pack plus ``members``."""
    buffer = io.BytesIO()
    manifest = b"name: demo\nversion: 1.1.0\ntitle: Demo\n"
    rules = EVAL_RULE.replace("{VERSION}", "1.1.0").encode()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in (("pack.yaml", manifest), ("rules.yaml", rules)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        for info, data in members:
            tar.addfile(info, io.BytesIO(data) if data else None)
    return buffer.getvalue()


def _member(name: str, kind: bytes = tarfile.REGTYPE, data: bytes = b"", link: str = ""):  # type: ignore[no-untyped-def]
    info = tarfile.TarInfo(name)
    info.type = kind
    info.size = len(data)
    info.linkname = link
    return info, data


def _many_files() -> bytes:
    return _tar(*(_member(f"tests/f{n}.txt", data=b"x") for n in range(2001)))


def _huge_file() -> bytes:
    # 40 MiB of zeros: a few dozen KiB compressed, over the 32 MiB unpacked cap.
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=1) as tar:
        manifest = b"name: demo\nversion: 1.1.0\ntitle: Demo\n"
        info = tarfile.TarInfo("pack.yaml")
        info.size = len(manifest)
        tar.addfile(info, io.BytesIO(manifest))
        info = tarfile.TarInfo("tests/big.txt")
        info.size = 40 * 1024 * 1024
        tar.addfile(info, io.BytesIO(bytes(info.size)))
    return buffer.getvalue()


def _other_key_signature(data: bytes) -> tuple[str, str]:
    """An index key, and a signature of ``data`` by a different key."""
    public_key, _ = _signed(data, Ed25519PrivateKey.generate())
    return public_key, _signed(data, Ed25519PrivateKey.generate())[1]


BAD_ARCHIVES = {
    "path traversal": (lambda: _tar(_member("../evil.yaml", data=b"x")), "unsafe member path"),
    "absolute path": (lambda: _tar(_member("/tmp/evil.yaml", data=b"x")), "unsafe member path"),
    "symlink": (lambda: _tar(_member("tests/l", tarfile.SYMTYPE, link="/etc/passwd")), "symlink"),
    "hard link": (lambda: _tar(_member("tests/h", tarfile.LNKTYPE, link="pack.yaml")), "hard link"),
    "device": (lambda: _tar(_member("tests/d", tarfile.CHRTYPE)), "a device"),
    "oversized": (_huge_file, "unpacks to more than"),
    "too many members": (_many_files, "more than 2000 members"),
    "not an archive": (lambda: b"<html>hello</html>", "not a valid tar.gz archive"),
}


@pytest.mark.parametrize("case", sorted(BAD_ARCHIVES))
def test_unsafe_archives_are_refused_and_nothing_changes(env, publisher, capsys, case):
    make, message = BAD_ARCHIVES[case]
    _refused_update(env, publisher, capsys, message, data=make())


FAULTS = {
    "404": ({"replies": (Reply(404, b"gone"),)}, "HTTP 404"),
    "500 every time": ({"replies": (Reply(503, b"busy"),)}, "HTTP 503 (after 3 attempts)"),
    "hash mismatch": ({"sha256": "0" * 64}, "sha256 mismatch"),
    "engine-incompatible archive": ({"pack_upstream": ">=99"}, "needs upstream >=99"),
    "interrupted download": ({"mode": "truncate"}, "closed the connection before the download"),
    "redirect to http": (
        {"replies": (Reply(302, headers={"Location": "http://127.0.0.1:9/x.tar.gz"}),)},
        "redirect to http://127.0.0.1:9/x.tar.gz refused: not HTTPS",
    ),
    "bad signature": ({"signed_by_other": True}, "bad signature"),
    "wrong pack in archive": ({"archive_name": "other"}, "holds other 1.1.0, not demo 1.1.0"),
}


@pytest.mark.parametrize("case", sorted(FAULTS))
def test_faults_are_refused_and_nothing_changes(env, publisher, capsys, case):
    options, message = FAULTS[case]
    data = publisher.archive("1.1.0", str(options.get("pack_upstream", ">=0.1")))
    if "archive_name" in options:
        data = publisher.archive("1.1.0", name=str(options["archive_name"]))
    extra: dict[str, object] = {}
    if options.get("mode") == "truncate":
        extra["replies"] = (Reply(body=data, mode="truncate"),)
    if "replies" in options:
        extra["replies"] = options["replies"]
    if "sha256" in options:
        extra["sha256"] = options["sha256"]
    if options.get("signed_by_other"):
        extra["index_key"], extra["signature"] = _other_key_signature(data)
    _refused_update(env, publisher, capsys, message, data=data, **extra)


def test_timeout_is_refused_and_nothing_changes(env, publisher, capsys, monkeypatch):
    monkeypatch.setenv("UPSTREAM_HTTP_TIMEOUT", "0.3")
    monkeypatch.setenv("UPSTREAM_HTTP_RETRIES", "1")
    data = publisher.archive("1.1.0")
    _refused_update(
        env, publisher, capsys, "timed out", data=data, replies=(Reply(body=data, mode="hang"),)
    )


def _refused_update(
    env: Path, publisher: Publisher, capsys: pytest.CaptureFixture[str], message: str,
    data: bytes, **publish: object,
) -> None:  # fmt: skip
    """Lock demo 1.0.0, publish a faulty 1.1.0, and check `pack update` changes nothing."""
    publisher.publish("1.0.0")
    code, _, err = upstream(capsys, "pack", "add", "demo", "--index", publisher.index_url)
    assert code == 0, err
    before = snapshot(env, env.parent / "cache")
    if "index_key" in publish:
        publisher.index["public_key"] = publish.pop("index_key")
    publisher.publish("1.1.0", data, **publish)  # type: ignore[arg-type]
    code, out, err = upstream(capsys, "pack", "update")
    assert code == 2, (out, err)
    lines = err.strip().splitlines()
    assert all(line.startswith("upstream: ") for line in lines), err
    [line] = [line for line in lines if line.startswith("upstream: error: ")]
    assert message in line and "/archives/demo-1.1.0.tar.gz" in line, line
    assert snapshot(env, env.parent / "cache") == before
    # The previous installation still works, offline.
    code, out, _ = upstream(capsys, "check", "--offline", "app.py")
    assert code == 1 and "eval v1.0.0" in out


def test_a_changed_signing_key_is_refused_on_update(env, publisher, capsys):
    data = publisher.archive("1.0.0")
    publisher.index["public_key"], signature = _signed(data, Ed25519PrivateKey.generate())
    publisher.publish("1.0.0", data, signature=signature)
    assert upstream(capsys, "pack", "add", "demo", "--index", publisher.index_url)[0] == 0
    before = snapshot(env, env.parent / "cache")
    new_key = Ed25519PrivateKey.generate()
    publisher.index["public_key"], _ = _signed(data, new_key)
    newer = publisher.archive("1.1.0")
    publisher.publish("1.1.0", newer, signature=_signed(newer, new_key)[1])
    code, _, err = upstream(capsys, "pack", "update")
    assert code == 2 and "signing key changed since demo was locked" in err
    assert snapshot(env, env.parent / "cache") == before


def test_a_local_index_needs_no_server(env, publisher, capsys, tmp_path):
    site = tmp_path / "site"
    build_archive(publisher.pack_folder("1.0.0"), site / "demo-1.0.0.tar.gz")
    index = str(site / "index.json")
    assert upstream(capsys, "pack", "index", str(site / "demo-1.0.0.tar.gz"), "-o", index)[0] == 0
    code, _, err = upstream(capsys, "pack", "add", "demo", "--index", index)
    assert code == 0, err
    assert f'source = "{(site / "demo-1.0.0.tar.gz").as_uri()}"' in lock_of(env)


def _signed(data: bytes, key: Ed25519PrivateKey) -> tuple[str, str]:
    """(the key's public half, its signature of ``data``), base64 as an index has them."""
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return base64.b64encode(public).decode(), base64.b64encode(key.sign(data)).decode()
