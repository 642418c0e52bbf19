"""Which URLs packs and indexes may come from, and how relative archive URLs resolve."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from upstream.errors import UpstreamError

_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


class FetchError(UpstreamError):
    """A URL could not be fetched (network, HTTP status, a refused URL)."""


def is_url(text: str) -> bool:
    return "://" in text


def check_url(url: str) -> None:
    """Raise FetchError unless ``url`` may be fetched: HTTPS, a file, or HTTP to localhost.

    Plain HTTP anywhere else would let anyone on the path swap the index, and with it the
    sha256 that is supposed to protect the archive.
    """
    parts = urlsplit(url)
    if parts.scheme in ("https", "file"):
        return
    host = (parts.hostname or "").lower()
    if parts.scheme == "http" and (host in _LOCAL_HOSTS or host.endswith(".localhost")):
        return
    raise FetchError(
        f"{url}: refused: packs and indexes are fetched over HTTPS "
        "(plain http:// only from localhost)"
    )


def is_file_url(text: str) -> bool:
    return urlsplit(text).scheme == "file"


def check_archive_url(url: str, index_url: str) -> None:
    """Raise FetchError unless the index at ``index_url`` may name the archive ``url``.

    Only a local index may name a local file. Were a remote index allowed ``file:``, it could
    make every client read any file: ``/dev/zero`` until memory runs out, or a secret whose
    sha256 the mismatch error would print.
    """
    check_url(url)
    if is_file_url(url) and not is_file_url(index_url):
        raise FetchError(f"{url}: refused: a file: URL is allowed only from a local index")


def resolve_url(base: str, reference: str) -> str:
    """An archive URL from an index, which may be relative to the index's own URL."""
    return urljoin(base, reference)
