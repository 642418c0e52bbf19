"""`upstream pack index`, the index's JSON Schema, version selection and the lock file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO, rule_yaml, write_pack
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from packaging.specifiers import SpecifierSet
from upstream.cli import main
from upstream.errors import ConfigError, PackError
from upstream.packs.archive import build_archive
from upstream.packs.index import index_json_schema, parse_index, select_version, semver_key
from upstream.packs.lockfile import Lock, LockedPack, read_lock, render_lock, write_lock

RULE = rule_yaml(
    "match:\n  pattern: openai.Completion.create($$$)",
    extra='requires: { pypi: "openai>=1.0" }\nimports: [openai]',
)


def _archive(tmp_path: Path, version: str, title: str = "Demo") -> Path:
    manifest = f"name: demo\nversion: {version}\ntitle: {title}\npublisher: Demo Inc.\n"
    pack = write_pack(tmp_path / "src" / version, RULE, "demo", manifest)
    return build_archive(pack, tmp_path / "site" / f"demo-{version}.tar.gz").path


def _key(tmp_path: Path, name: str = "key.pem") -> Path:
    path = tmp_path / name
    path.write_bytes(
        Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return path


def test_index_matches_its_schema_and_the_documented_one(tmp_path, capsys):
    index = tmp_path / "site" / "index.json"
    for version in ("1.0.0", "1.2.0", "1.10.0-beta.1"):
        assert main(["pack", "index", str(_archive(tmp_path, version)), "-o", str(index)]) == 0
    data = json.loads(index.read_text())
    schema = index_json_schema()
    jsonschema.validate(data, schema)
    demo = data["packs"]["demo"]
    assert [v["version"] for v in demo["versions"]] == ["1.10.0-beta.1", "1.2.0", "1.0.0"]
    first = demo["versions"][-1]
    assert first["url"] == "demo-1.0.0.tar.gz" and first["size"] > 0
    assert first["languages"] == ["python"] and first["libraries"] == {"pypi": ["openai"]}
    assert demo["publisher"] == "Demo Inc."

    documented = (REPO / "docs" / "pack-format.md").read_text()
    block = re.search(r"<!-- schema -->\s*```json\n(.*?)```", documented, re.S)
    assert block is not None, "docs/pack-format.md lost its schema block"
    assert json.loads(block.group(1)) == schema


def test_republishing_a_version_with_other_bytes_is_refused(tmp_path, capsys):
    index = tmp_path / "site" / "index.json"
    archive = _archive(tmp_path, "1.0.0")
    assert main(["pack", "index", str(archive), "-o", str(index)]) == 0
    before = index.read_bytes()
    assert main(["pack", "index", str(archive), "-o", str(index)]) == 0  # same bytes: fine
    assert index.read_bytes() == before
    _archive(tmp_path, "1.0.0", title="Changed")
    assert main(["pack", "index", str(archive), "-o", str(index)]) == 2
    assert "demo 1.0.0 is already in the index" in capsys.readouterr().err
    assert index.read_bytes() == before


def test_base_url_and_archives_outside_the_index_folder(tmp_path, capsys):
    archive = _archive(tmp_path, "1.0.0")
    index = tmp_path / "elsewhere" / "index.json"
    assert main(["pack", "index", str(archive), "-o", str(index)]) == 2
    assert "pass --base-url" in capsys.readouterr().err
    url = "https://packs.example.org/v1/"
    assert main(["pack", "index", str(archive), "-o", str(index), "--base-url", url]) == 0
    entry = json.loads(index.read_text())["packs"]["demo"]["versions"][0]
    assert entry["url"] == "https://packs.example.org/v1/demo-1.0.0.tar.gz"


def test_signed_index_needs_its_key_from_then_on(tmp_path, capsys):
    index = tmp_path / "site" / "index.json"
    key = _key(tmp_path)
    one = _archive(tmp_path, "1.0.0")
    assert main(["pack", "index", str(one), "-o", str(index), "--sign-key", str(key)]) == 0
    two = _archive(tmp_path, "1.1.0")
    assert main(["pack", "index", str(two), "-o", str(index)]) == 2
    assert "pass --sign-key" in capsys.readouterr().err
    other = _key(tmp_path, "other.pem")
    assert main(["pack", "index", str(two), "-o", str(index), "--sign-key", str(other)]) == 2
    assert "signed with another key" in capsys.readouterr().err
    assert main(["pack", "index", str(two), "-o", str(index), "--sign-key", str(key)]) == 0
    versions = json.loads(index.read_text())["packs"]["demo"]["versions"]
    assert all(v["signature"] for v in versions)
    not_a_key = tmp_path / "bad.pem"
    not_a_key.write_text("hello")
    assert main(["pack", "index", str(two), "-o", str(index), "--sign-key", str(not_a_key)]) == 2
    assert "not an unencrypted PEM private key" in capsys.readouterr().err


def _index(*versions: tuple[str, str]) -> bytes:
    entries = [
        {"version": v, "url": f"d-{v}.tar.gz", "sha256": "a" * 64, "size": 1, "upstream": engine}
        for v, engine in versions
    ]
    return json.dumps({"format": 1, "packs": {"d": {"title": "D", "versions": entries}}}).encode()


def test_version_selection():
    index = parse_index(
        _index(("1.0.0", ">=0.1"), ("1.1.0", ">=0.1"), ("2.0.0-rc.1", ">=0.1"), ("3.0.0", ">=99")),
        "i",
    )
    pick = lambda spec: select_version(index, "d", SpecifierSet(spec), "i")[1].version  # noqa: E731
    assert pick("") == "1.1.0"  # 3.0.0 needs a newer engine, 2.0.0-rc.1 is a pre-release
    assert pick("<1.1") == "1.0.0"
    assert pick(">=2.0.0rc1,<3") == "2.0.0-rc.1"
    with pytest.raises(PackError, match=r"needs upstream >=99.*pip install -U 'upstream>=99'"):
        pick(">=3")
    with pytest.raises(PackError, match="no version of d matching >=4"):
        pick(">=4")
    with pytest.raises(PackError, match="no pack 'e' in the index"):
        select_version(index, "e", SpecifierSet(), "i")
    assert semver_key("1.0.0-alpha") < semver_key("1.0.0-alpha.1") < semver_key("1.0.0-beta")
    assert semver_key("1.0.0-beta.2") < semver_key("1.0.0-beta.11") < semver_key("1.0.0")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not json", "not a JSON pack index"),
        (b'{"format": 2}', "index format 2 is newer"),
        (b'{"packs": {"d": {"title": "D", "versions": [{"version": "1"}]}}}', "packs.d.versions.0"),
    ],
)
def test_bad_indexes_are_one_line_problems(data, message):
    with pytest.raises(PackError, match=re.escape(message)) as raised:
        parse_index(data, "https://example.org/index.json")
    assert all("\n" not in problem for problem in raised.value.problems)


def test_lock_round_trip_and_atomic_write(tmp_path):
    path = tmp_path / "upstream.lock"
    assert read_lock(path).packs == ()
    pack = LockedPack(
        name="demo",
        version="1.0.0",
        sha256="b" * 64,
        source='https://example.org/a "quoted" path.tar.gz',
        index="https://example.org/index.json",
        public_key="key==",
    )
    lock = Lock(path).with_pack(pack).with_pack(pack.model_copy(update={"name": "alpha"}))
    assert write_lock(lock) is True
    assert write_lock(lock) is False  # unchanged: not even rewritten
    assert read_lock(path) == lock
    assert [p.name for p in read_lock(path).packs] == ["alpha", "demo"]
    assert 'public-key = "key=="' in path.read_text()
    assert render_lock(lock) == path.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["upstream.lock"]  # no temp files left
    assert path.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version = [", "invalid TOML"),
        ("version = 7\n", "version: expected 1"),
        ('version = 1\n[[pack]]\nname = "d"\n', "pack[0].version: Field required"),
        (
            'version = 1\n[[pack]]\nname = "d"\nversion = "1.0.0"\nsha256 = "xyz"\nsource = "s"\n',
            "pack[0].sha256",
        ),
    ],
)
def test_bad_lock_files_are_one_line_errors(tmp_path, text, message):
    path = tmp_path / "upstream.lock"
    path.write_text(text)
    with pytest.raises(ConfigError, match=re.escape(message)) as raised:
        read_lock(path)
    assert "\n" not in str(raised.value)
