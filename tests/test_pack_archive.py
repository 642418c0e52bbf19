"""`upstream pack build`: reproducible archives; and the unpacker that refuses unsafe ones."""

from __future__ import annotations

import hashlib
import os
import shutil
import tarfile
from pathlib import Path

import pytest
import yaml
from conftest import REPO, rule_yaml, run_cli, write_pack
from upstream.errors import PackError
from upstream.packs.archive import build_archive


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
