"""`upstream pack build --wheel / --npm`: reproducible packages that pip and npm really install."""

from __future__ import annotations

import base64
import csv
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from conftest import rule_yaml, run_cli, write_pack
from packaging.metadata import Metadata
from packaging.utils import parse_wheel_filename
from packaging.version import Version
from upstream import __version__
from upstream.errors import UsageError
from upstream.packs import load_pack
from upstream.packs.distribution import (
    build_npm_package,
    build_wheel,
    npm_filename,
    package_name,
    wheel_filename,
    wheel_version,
)

MANIFEST = (
    "name: {name}\n"
    "version: {version}\n"
    "title: Acme SDK\n"
    "description: Calls the Acme SDK removed in 2.0.\n"
    "publisher: Acme, Inc.\n"
    "homepage: https://docs.acme.example/sdk/\n"
    "license: Apache-2.0\n"
)


def pack_folder(
    root: Path, name: str = "acme", version: str = "1.2.0", passing: bool = True
) -> Path:
    """A pack with one rule whose tests pass (or, with ``passing=False``, fail)."""
    manifest = MANIFEST.format(name=name, version=version)
    pack = write_pack(root, rule_yaml("match:\n  pattern: eval($X)"), name, manifest)
    (pack / "tests").mkdir()
    case = "# expect: r\neval(a)\n# ok: r\nprint(a)\n" if passing else "# ok: r\neval(a)\n"
    (pack / "tests" / "client.py").write_text(case, encoding="utf-8")
    return pack


def build(pack: Path, out: Path, *flags: str) -> Path:
    """`upstream pack build PACK FLAGS -o OUT` through the real CLI; the file it wrote."""
    result = run_cli("pack", "build", str(pack), *flags, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "tests ok" in result.stderr
    sha, built = result.stdout.split()
    path = Path(built)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sha
    return path


def scramble(pack: Path) -> None:
    """Change what a reproducible build must ignore: mtimes, modes, clutter."""
    for path in pack.rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    (pack / "pack.yaml").chmod(0o600)
    (pack / ".DS_Store").write_bytes(b"junk")
    (pack / "tests" / "__pycache__").mkdir()
    (pack / "tests" / "__pycache__" / "client.cpython-311.pyc").write_bytes(b"junk")


def venv_python(venv: Path) -> Path:
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    return scripts / ("python.exe" if os.name == "nt" else "python")


# ------------------------------------------------------------------------------ wheel


def test_wheel_is_reproducible_and_pip_installs_and_uninstalls_it(tmp_path):
    pack = pack_folder(tmp_path / "src")
    wheel = build(pack, tmp_path / "one", "--wheel")
    assert wheel.name == "acme_upstream_rules-1.2.0-py3-none-any.whl"
    scramble(pack)
    again = build(pack, tmp_path / "two", "--wheel")
    assert again.read_bytes() == wheel.read_bytes()

    dist_info = "acme_upstream_rules-1.2.0.dist-info"
    with zipfile.ZipFile(wheel) as archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        files = {info.filename: archive.read(info) for info in infos}
    assert names == [
        "acme_upstream_rules/__init__.py",
        "acme_upstream_rules/pack.yaml",
        "acme_upstream_rules/rules.yaml",
        "acme_upstream_rules/tests/client.py",
        f"{dist_info}/METADATA",
        f"{dist_info}/WHEEL",
        f"{dist_info}/entry_points.txt",
        f"{dist_info}/RECORD",
    ]
    for info in infos:
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        assert info.external_attr >> 16 == 0o100644
    assert files["acme_upstream_rules/__init__.py"] == b""
    assert files["acme_upstream_rules/pack.yaml"] == (pack / "pack.yaml").read_bytes()
    assert (
        files[f"{dist_info}/entry_points.txt"] == b"[upstream.packs]\nacme = acme_upstream_rules\n"
    )
    assert files[f"{dist_info}/WHEEL"].decode().splitlines() == [
        "Wheel-Version: 1.0",
        f"Generator: upstream {__version__}",
        "Root-Is-Purelib: true",
        "Tag: py3-none-any",
    ]
    metadata = Metadata.from_email(files[f"{dist_info}/METADATA"], validate=True)
    assert (metadata.name, metadata.version, metadata.summary) == (
        "acme-upstream-rules",
        Version("1.2.0"),
        "Acme SDK",
    )
    assert (metadata.license, metadata.home_page) == (
        "Apache-2.0",
        "https://docs.acme.example/sdk/",
    )
    record = list(csv.reader(io.StringIO(files[f"{dist_info}/RECORD"].decode())))
    assert [row[0] for row in record] == names
    assert record[-1] == [f"{dist_info}/RECORD", "", ""]
    for name, digest, size in record[:-1]:
        expected = base64.urlsafe_b64encode(hashlib.sha256(files[name]).digest()).rstrip(b"=")
        assert (digest, int(size)) == (f"sha256={expected.decode()}", len(files[name]))

    # A real install into a fresh virtualenv, with no index and no network.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = str(venv_python(venv))
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    env.pop("VIRTUAL_ENV", None)

    def pip(*args: str) -> str:
        done = subprocess.run(
            [python, "-m", "pip", *args], capture_output=True, text=True, env=env, timeout=120
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def run_python(code: str) -> str:
        done = subprocess.run(
            [python, "-c", code], capture_output=True, text=True, env=env, timeout=60, check=True
        )
        return done.stdout.strip()

    pip("install", "--no-index", "--no-deps", str(wheel))
    if os.name == "nt":
        site = venv / "Lib" / "site-packages"
    else:
        site = venv / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "site-packages"
    installed = site / "acme_upstream_rules"
    assert (installed / "pack.yaml").read_bytes() == (pack / "pack.yaml").read_bytes()
    assert (installed / "tests" / "client.py").is_file()
    # The installed folder is a pack upstream can load as it is.
    assert load_pack(installed).manifest.version == "1.2.0"
    points = run_python(
        "from importlib.metadata import entry_points; "
        "print([(e.name, e.value) for e in entry_points(group='upstream.packs')])"
    )
    assert points == "[('acme', 'acme_upstream_rules')]"
    resource = run_python(
        "from importlib.resources import files; "
        "print(files('acme_upstream_rules').joinpath('pack.yaml').is_file())"
    )
    assert resource == "True"
    shown = pip("show", "acme-upstream-rules")
    assert "Name: acme-upstream-rules" in shown and "Version: 1.2.0" in shown

    pip("uninstall", "-y", "acme-upstream-rules")
    assert not installed.exists()
    assert not (site / dist_info).exists()


def test_wheel_names_and_versions_follow_the_spec(tmp_path):
    assert wheel_version("1.2.0-rc.1") == "1.2.0rc1"
    assert wheel_version("2.0.0-beta.3") == "2.0.0b3"
    with pytest.raises(UsageError, match="no PEP 440"):
        wheel_version("not a version")

    pack = pack_folder(tmp_path / "src", name="acme.sdk_v2-x", version="1.2.0-rc.1")
    manifest = load_pack(pack).manifest
    assert package_name(manifest.name) == "acme_sdk_v2_x_upstream_rules"
    assert npm_filename(manifest) == "acme.sdk_v2-x-upstream-rules-1.2.0-rc.1.tgz"
    # Built into a folder inside the pack, twice: the first wheel is not packed into the second.
    out = pack / "dist"
    first = build_wheel(pack, manifest, out)
    first_bytes = first.path.read_bytes()
    second = build_wheel(pack, manifest, out)
    assert second.path.read_bytes() == first_bytes and second.sha256 == first.sha256
    assert first.path.name == wheel_filename(manifest)
    name, version, build_tag, tags = parse_wheel_filename(first.path.name)
    assert (name, version, build_tag) == ("acme-sdk-v2-x-upstream-rules", Version("1.2.0rc1"), ())
    assert {str(tag) for tag in tags} == {"py3-none-any"}
    with zipfile.ZipFile(first.path) as archive:
        names = archive.namelist()
        dist_info = "acme_sdk_v2_x_upstream_rules-1.2.0rc1.dist-info"
        metadata = Metadata.from_email(archive.read(f"{dist_info}/METADATA"), validate=True)
        points = archive.read(f"{dist_info}/entry_points.txt").decode()
    assert not any(name.endswith(".whl") or "/dist/" in name for name in names)
    assert metadata.version == Version("1.2.0rc1")
    assert points == "[upstream.packs]\nacme.sdk_v2-x = acme_sdk_v2_x_upstream_rules\n"


# -------------------------------------------------------------------------------- npm


def test_npm_package_is_reproducible_and_npm_installs_it(tmp_path):
    pack = pack_folder(tmp_path / "src")
    tarball = build(pack, tmp_path / "one", "--npm")
    assert tarball.name == "acme-upstream-rules-1.2.0.tgz"
    scramble(pack)
    again = build(pack, tmp_path / "two", "--npm")
    assert again.read_bytes() == tarball.read_bytes()

    data = tarball.read_bytes()
    assert data[4:8] == b"\0\0\0\0"  # no gzip timestamp
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(data))) as tar:
        members = tar.getmembers()
        manifest = json.loads(tar.extractfile("package/package.json").read())  # type: ignore[union-attr]
    assert [m.name for m in members] == [
        "package/pack/pack.yaml",
        "package/pack/rules.yaml",
        "package/pack/tests/client.py",
        "package/package.json",
    ]
    for member in members:
        assert member.isreg() and member.mode == 0o644 and member.mtime == 499162500
        assert (member.uid, member.gid, member.uname, member.gname) == (0, 0, "", "")
    assert manifest == {
        "name": "acme-upstream-rules",
        "version": "1.2.0",
        "description": "Acme SDK",
        "license": "Apache-2.0",
        "homepage": "https://docs.acme.example/sdk/",
        "author": "Acme, Inc.",
        "keywords": ["upstream", "upstream-rules"],
        "upstream": {"pack": "pack"},
        "files": ["pack"],
    }

    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not on PATH")
    app = tmp_path / "app"
    app.mkdir()
    (app / "package.json").write_text('{"name": "app", "version": "1.0.0"}\n', encoding="utf-8")
    env = {**os.environ, "npm_config_cache": str(tmp_path / "npm-cache")}
    done = subprocess.run(
        [npm, "install", "--offline", "--no-audit", "--no-fund", str(tarball)],
        cwd=app,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    installed = app / "node_modules" / "acme-upstream-rules"
    assert json.loads((installed / "package.json").read_text())["upstream"] == {"pack": "pack"}
    assert (installed / "pack" / "pack.yaml").read_bytes() == (pack / "pack.yaml").read_bytes()
    assert (installed / "pack" / "tests" / "client.py").is_file()
    assert load_pack(installed / "pack").manifest.name == "acme"


def test_npm_builder_keeps_the_semver_version(tmp_path):
    pack = pack_folder(tmp_path / "src", version="1.2.0-rc.1")
    built = build_npm_package(pack, load_pack(pack).manifest, pack / "dist")
    assert built.path.name == "acme-upstream-rules-1.2.0-rc.1.tgz"
    with tarfile.open(built.path) as tar:
        manifest = json.loads(tar.extractfile("package/package.json").read())  # type: ignore[union-attr]
        names = tar.getnames()
    assert manifest["version"] == "1.2.0-rc.1"
    # Rebuilt into the same folder inside the pack: the earlier tarball is not packed.
    assert build_npm_package(pack, load_pack(pack).manifest, pack / "dist").sha256 == built.sha256
    assert "package/pack/dist/acme-upstream-rules-1.2.0-rc.1.tgz" not in names


# ------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(("flag", "what"), [("--wheel", "wheel"), ("--npm", "npm package")])
def test_a_pack_whose_tests_fail_gets_no_package(tmp_path, flag, what):
    pack = pack_folder(tmp_path / "src", passing=False)
    out = tmp_path / "dist"
    result = run_cli("pack", "build", str(pack), flag, "-o", str(out))
    assert result.returncode == 1
    assert f"tests FAILED; no {what} written" in result.stderr
    assert not out.exists()


def test_wheel_and_npm_exclude_each_other(tmp_path):
    pack = pack_folder(tmp_path / "src")
    result = run_cli("pack", "build", str(pack), "--wheel", "--npm", "-o", str(tmp_path / "d"))
    assert result.returncode == 2 and "not allowed with argument" in result.stderr
    assert not (tmp_path / "d").exists()
