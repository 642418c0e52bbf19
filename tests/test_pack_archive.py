"""`upstream pack build`: reproducible archives; and the unpacker that refuses unsafe ones."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tarfile
from pathlib import Path

import pytest
import yaml
from conftest import REPO, rule_yaml, run_cli, write_pack
from upstream.errors import PackError
from upstream.packs.archive import ArchiveLimits, build_archive, extract_archive


def test_build_twice_gives_the_same_sha256(tmp_path):
    pack = tmp_path / "mongodb"
    # A copy, so that edits to rules/ made meanwhile can't make the two builds differ.
    shutil.copytree(REPO / "rules" / "mongodb", pack)
    result = run_cli("pack", "build", str(pack), "-o", str(tmp_path / "one"))
    assert result.returncode == 0, result.stderr
    assert "tests ok" in result.stderr
    sha, built = result.stdout.split()
    version = yaml.safe_load((pack / "pack.yaml").read_text())["version"]
    assert Path(built).name == f"mongodb-{version}.tar.gz"
    assert hashlib.sha256(Path(built).read_bytes()).hexdigest() == sha

    # Different mtimes, modes and clutter must not change a byte. (The rebuild calls what
    # `pack build` calls after the tests, which have just passed on the same files.)
    for path in pack.rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    (pack / "pack.yaml").chmod(0o600)
    (pack / ".DS_Store").write_bytes(b"junk")
    (pack / "tests" / "__pycache__").mkdir()
    (pack / "tests" / "__pycache__" / "x.pyc").write_bytes(b"junk")
    again = build_archive(pack, tmp_path / "two" / Path(built).name)
    assert again.sha256 == sha
    assert again.path.read_bytes() == Path(built).read_bytes()


def test_archive_members_are_sorted_plain_files_with_fixed_metadata(tmp_path):
    pack = write_pack(tmp_path, rule_yaml("match:\n  pattern: eval($X)"), "t")
    (pack / "tests").mkdir()
    (pack / "tests" / "b.py").write_text("x = 1\n")
    (pack / "tests" / "a.py").write_text("y = 2\n")
    (pack / ".git").mkdir()
    (pack / ".git" / "HEAD").write_text("ref\n")
    built = build_archive(pack, tmp_path / "out" / "t-0.1.0.tar.gz")
    with tarfile.open(built.path) as tar:
        members = tar.getmembers()
    assert [m.name for m in members] == ["pack.yaml", "rules.yaml", "tests/a.py", "tests/b.py"]
    for member in members:
        assert member.isreg() and member.mtime == 0 and member.mode == 0o644
        assert (member.uid, member.gid, member.uname, member.gname) == (0, 0, "", "")
    assert built.path.read_bytes()[4:8] == b"\0\0\0\0"  # no gzip timestamp


def test_build_refuses_a_pack_whose_tests_fail(tmp_path):
    pack = write_pack(tmp_path, rule_yaml("match:\n  pattern: eval($X)"), "t")
    result = run_cli("pack", "build", str(pack), "-o", str(tmp_path / "dist"))
    assert result.returncode == 1
    assert "has no 'expect' case" in result.stderr and "no archive written" in result.stderr
    assert not (tmp_path / "dist").exists()


def test_build_refuses_symlinks_and_broken_packs(tmp_path):
    pack = write_pack(tmp_path, rule_yaml("match:\n  pattern: eval($X)"), "t")
    (pack / "tests").mkdir()
    (pack / "tests" / "link.py").symlink_to("/etc/hostname")
    with pytest.raises(PackError, match="cannot contain symlinks"):
        build_archive(pack, tmp_path / "t.tar.gz")
    broken = write_pack(tmp_path, "rules: {}\n", "broken")
    result = run_cli("pack", "build", str(broken))
    assert result.returncode == 2 and "rules.yaml:1" in result.stderr
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------------- unpacking


def _archive(tmp_path: Path, *members: tuple[str, bytes, bytes]) -> Path:
    """A tar.gz of (name, tar type, data) members."""
    path = tmp_path / "a.tar.gz"
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, kind, data in members:
            info = tarfile.TarInfo(name)
            info.type = kind
            info.size = len(data) if kind == tarfile.REGTYPE else 0
            info.linkname = "target" if kind in (tarfile.SYMTYPE, tarfile.LNKTYPE) else ""
            tar.addfile(info, io.BytesIO(data) if info.size else None)
    path.write_bytes(buffer.getvalue())
    return path


OK = ("pack.yaml", tarfile.REGTYPE, b"name: x\n")


@pytest.mark.parametrize(
    "name", ["../x", "/etc/x", "a/../../x", "./../x", "C:/x", "a\\..\\x", "a//b", "."]
)
def test_unsafe_member_paths_are_refused(tmp_path, name):
    archive = _archive(tmp_path, OK, (name, tarfile.REGTYPE, b"x"))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PackError, match="unsafe member path"):
        extract_archive(archive, out)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        (tarfile.SYMTYPE, "a symlink"),
        (tarfile.LNKTYPE, "a hard link"),
        (tarfile.CHRTYPE, "a device"),
        (tarfile.BLKTYPE, "a device"),
        (tarfile.FIFOTYPE, "a FIFO"),
    ],
)
def test_links_and_devices_are_refused(tmp_path, kind, message):
    archive = _archive(tmp_path, OK, ("tests/thing", kind, b""))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PackError, match=message):
        extract_archive(archive, out)
    assert list(out.iterdir()) == []


def test_limits_duplicates_and_clashes(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    small = ArchiveLimits(max_members=3, max_unpacked_bytes=100, max_archive_bytes=10_000)
    many = _archive(tmp_path, *((f"f{n}", tarfile.REGTYPE, b"x") for n in range(4)))
    with pytest.raises(PackError, match="more than 3 members"):
        extract_archive(many, out, small)
    big = _archive(tmp_path, OK, ("big", tarfile.REGTYPE, bytes(200)))
    with pytest.raises(PackError, match="unpacks to more than 100 bytes"):
        extract_archive(big, out, small)
    with pytest.raises(PackError, match="archive is over 10 bytes"):
        extract_archive(big, out, ArchiveLimits(max_archive_bytes=10))
    twice = _archive(tmp_path, OK, OK)
    with pytest.raises(PackError, match="appears twice"):
        extract_archive(twice, out)
    clash = _archive(tmp_path, OK, ("a", tarfile.REGTYPE, b"x"), ("a/b", tarfile.REGTYPE, b"y"))
    with pytest.raises(PackError, match="both a file and a folder"):
        extract_archive(clash, out)
    assert list(out.iterdir()) == []


def test_a_plain_archive_unpacks(tmp_path):
    archive = _archive(
        tmp_path, ("./pack.yaml", tarfile.REGTYPE, b"name: x\n"), ("tests/", tarfile.DIRTYPE, b"")
    )
    out = tmp_path / "out"
    out.mkdir()
    extract_archive(archive, out, label="https://example.org/x.tar.gz")
    assert (out / "pack.yaml").read_bytes() == b"name: x\n"
    assert (out / "pack.yaml").stat().st_mode & 0o777 == 0o644
