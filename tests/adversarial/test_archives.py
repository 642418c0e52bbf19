"""Archive attacks that held (issue 21's adversarial round): the unpacker refuses unsafe
member paths, links, devices, FIFOs, duplicates and oversized archives, and writes nothing."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest
from upstream.errors import PackError
from upstream.packs.archive import ArchiveLimits, extract_archive


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
