"""Fetching indexes and archives over HTTP(S) with httpx.

- HTTPS only, except ``http://`` to localhost and ``file://`` URLs; a redirect must lead to
  HTTPS too (a downgrade would undo the rule).
- Connect errors, timeouts, dropped connections, too slow bodies, 429 and 5xx are retried
  with exponential backoff; other 4xx fail at once.
- Every response body is capped, and every fetch ends within a deadline, retries included;
  proxies come from the environment as httpx reads them.
- A ``file://`` URL (or a local path) is read only if it is a regular file, and never past
  the cap: ``/dev/zero`` has size 0 and never ends, a FIFO blocks.
- On a terminal, a download shows a progress bar on stderr.

``NetworkSettings.from_environment`` reads ``UPSTREAM_HTTP_TIMEOUT`` (seconds),
``UPSTREAM_HTTP_RETRIES`` and ``UPSTREAM_HTTP_BACKOFF`` (seconds before the first retry).
``Fetcher(transport=...)`` takes an httpx transport, the seam for tests.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import httpx

from upstream import __version__
from upstream.errors import ConfigError
from upstream.packs.urls import FetchError, check_url

_RETRY_STATUS = frozenset({408, 429})
_MAX_RETRY_AFTER = 30.0
# O_NONBLOCK: opening a FIFO must not wait for a writer (a regular file reads as usual).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_BLOCK = 1 << 16


@dataclass(frozen=True)
class NetworkSettings:
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 0.5
    max_redirects: int = 5
    # ``timeout`` bounds each wait, not a body, which a server could send a byte a second.
    # So a fetch, retries included, ends after ``deadline`` seconds (the 16 MiB archive cap
    # in 10 minutes is 28 KB/s), and a body averaging under ``min_rate`` bytes/s after its
    # first ``rate_grace`` seconds is dropped and retried.
    deadline: float = 600.0
    min_rate: float = 1024.0
    rate_grace: float = 10.0

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> NetworkSettings:
        defaults = cls()
        return cls(
            timeout=_number(environ, "UPSTREAM_HTTP_TIMEOUT", defaults.timeout),
            retries=int(_number(environ, "UPSTREAM_HTTP_RETRIES", defaults.retries)),
            backoff=_number(environ, "UPSTREAM_HTTP_BACKOFF", defaults.backoff),
        )


def _number(environ: Mapping[str, str], name: str, default: float) -> float:
    text = environ.get(name)
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value < 0:
        raise ConfigError(f"{name}={text!r}: expected a number >= 0")
    return value


class _TooSlow(Exception):
    """A body arriving under the minimum rate (retried like a timeout)."""


class _Deadline:
    """The time left for one fetch (``NetworkSettings.deadline``)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._ends = time.monotonic() + seconds

    def left(self) -> float:
        return self._ends - time.monotonic()

    def timeout(self, read_timeout: float) -> httpx.Timeout:
        # No single wait outlasts the deadline; a read already waiting may overrun it by
        # at most ``read_timeout``.
        return httpx.Timeout(max(0.001, min(read_timeout, self.left())))

    def check(self, url: str) -> None:
        if self.left() <= 0:
            raise FetchError(f"{url}: not complete within the {self.seconds:g} s deadline")


class Fetcher:
    """One httpx client for a command's downloads, with the rules above."""

    def __init__(
        self,
        settings: NetworkSettings | None = None,
        transport: httpx.BaseTransport | None = None,
        progress: bool | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings or NetworkSettings.from_environment()
        self._progress = sys.stderr.isatty() if progress is None else progress
        self._sleep = sleep
        self._client = httpx.Client(
            timeout=httpx.Timeout(self.settings.timeout),
            follow_redirects=False,
            trust_env=True,
            transport=transport,
            headers={"User-Agent": f"upstream/{__version__}"},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch_bytes(self, url: str, max_bytes: int) -> bytes:
        """The body at ``url`` (an index), at most ``max_bytes``."""
        chunks: list[bytes] = []

        def fill() -> Callable[[bytes], None]:
            chunks.clear()
            return chunks.append

        self._fetch(url, max_bytes, fill, label=None)
        return b"".join(chunks)

    def download(self, url: str, destination: Path, max_bytes: int, label: str) -> str:
        """Write the body at ``url`` to ``destination``; return its sha256 (hex)."""
        digest = hashlib.sha256()
        with destination.open("wb") as out:

            def restart() -> Callable[[bytes], None]:
                nonlocal digest
                out.seek(0)
                out.truncate()
                digest = hashlib.sha256()

                def write(block: bytes) -> None:
                    digest.update(block)
                    out.write(block)

                return write

            self._fetch(url, max_bytes, restart, label)
        return digest.hexdigest()

    # The body goes to the writer that ``start`` returns; ``start`` is called again
    # before each retry so a half-received body never mixes with the next attempt's.
    def _fetch(
        self,
        url: str,
        max_bytes: int,
        start: Callable[[], Callable[[bytes], None]],
        label: str | None,
    ) -> None:
        check_url(url)
        if urlsplit(url).scheme == "file":
            _read_file_url(url, max_bytes, start())
            return
        deadline = _Deadline(self.settings.deadline)
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            deadline.check(url)
            wait: float | None = None
            try:
                outcome = self._attempt(url, max_bytes, start(), label, deadline)
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
                raise FetchError(f"{url}: {error}") from None
            except httpx.TransportError as error:
                # A wait cut short by the deadline is the deadline's failure, not the server's.
                deadline.check(url)
                reason = _describe(error, self.settings.timeout)
            except _TooSlow as error:
                reason = str(error)
            else:
                if outcome is None:
                    return
                status, wait = outcome
                reason = f"HTTP {status}"
            if attempt + 1 == attempts:
                tries = f" (after {attempts} attempts)" if attempts > 1 else ""
                raise FetchError(f"{url}: {reason}{tries}")
            delay = self.settings.backoff * 2**attempt
            if wait is not None:
                delay = max(delay, min(wait, _MAX_RETRY_AFTER))
            # Past the deadline, the next turn of the loop says so instead of trying again.
            self._sleep(max(0.0, min(delay, deadline.left())))

    def _attempt(
        self,
        url: str,
        max_bytes: int,
        write: Callable[[bytes], None],
        label: str | None,
        deadline: _Deadline,
    ) -> tuple[int, float | None] | None:
        """Fetch once. None when done; (status, Retry-After) when the server asks to retry."""
        current = url
        for _ in range(self.settings.max_redirects + 1):
            deadline.check(url)
            timeout = deadline.timeout(self.settings.timeout)
            with self._client.stream("GET", current, timeout=timeout) as response:
                if response.is_redirect:
                    target = str(response.next_request.url) if response.next_request else ""
                    if urlsplit(target).scheme != "https":
                        raise FetchError(f"{url}: redirect to {target or '?'} refused: not HTTPS")
                    current = target
                    continue
                status = response.status_code
                if status >= 500 or status in _RETRY_STATUS:
                    return status, _retry_after(response)
                if status >= 400:
                    raise FetchError(f"{current}: HTTP {status} {response.reason_phrase}")
                self._receive(response, current, max_bytes, write, label, deadline)
                return None
        raise FetchError(f"{url}: more than {self.settings.max_redirects} redirects")

    def _receive(
        self,
        response: httpx.Response,
        url: str,
        max_bytes: int,
        write: Callable[[bytes], None],
        label: str | None,
        deadline: _Deadline,
    ) -> None:
        length = response.headers.get("content-length")
        total = int(length) if length and length.isdigit() else None
        if total is not None and total > max_bytes:
            raise FetchError(f"{url}: {total} bytes is over the {max_bytes}-byte limit; refused")
        progress = _ProgressBar(label, total) if self._progress and label else None
        received = 0
        started = time.monotonic()
        try:
            for block in response.iter_bytes():
                received += len(block)
                if received > max_bytes:
                    raise FetchError(f"{url}: over the {max_bytes}-byte limit; refused")
                deadline.check(url)
                self._check_rate(received, time.monotonic() - started)
                write(block)
                if progress is not None:
                    progress.update(received)
        finally:
            if progress is not None:
                progress.finish()

    def _check_rate(self, received: int, elapsed: float) -> None:
        minimum = self.settings.min_rate
        if elapsed >= self.settings.rate_grace and received < minimum * elapsed:
            raise _TooSlow(
                f"too slow ({received} bytes in {elapsed:.1f} s, under {minimum:g} bytes/s)"
            )


def _read_file_url(url: str, max_bytes: int, write: Callable[[bytes], None]) -> None:
    path = Path(url2pathname(unquote(urlsplit(url).path)))
    for block in read_regular_file(path, max_bytes, url):
        write(block)


def read_regular_file(path: Path, max_bytes: int, where: str) -> Iterator[bytes]:
    """The blocks of the regular file at ``path``, at most ``max_bytes`` in all.

    A device, FIFO or socket, or a symlink to one, is refused before a byte is read. The
    check is ``fstat`` of the open descriptor, so the name can't be swapped after it; reads
    stop at the cap whatever the size said (``/proc`` files say 0).
    """
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise FetchError(f"{where}: cannot read: {error.strerror or error}") from None
    with os.fdopen(descriptor, "rb") as stream:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise FetchError(f"{where}: refused: not a regular file")
        if info.st_size > max_bytes:
            raise FetchError(f"{where}: {info.st_size} bytes is over the {max_bytes}-byte limit")
        received = 0
        while True:
            try:
                block = stream.read(_BLOCK)
            except OSError as error:
                raise FetchError(f"{where}: cannot read: {error.strerror or error}") from None
            if not block:
                return
            received += len(block)
            if received > max_bytes:
                raise FetchError(f"{where}: over the {max_bytes}-byte limit; refused")
            yield block


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def _describe(error: httpx.TransportError, timeout: float) -> str:
    if isinstance(error, httpx.TimeoutException):
        return f"timed out (no answer within {timeout:g} s)"
    if isinstance(error, httpx.RemoteProtocolError):
        return "the server closed the connection before the download was complete"
    if isinstance(error, httpx.ConnectError):
        return f"cannot connect ({' '.join(str(error).split()) or 'refused'})"
    return " ".join(str(error).split()) or type(error).__name__


class _ProgressBar:
    """``label [#####     ]  52%  1.2/2.3 MB`` redrawn in place on stderr."""

    _WIDTH = 24

    def __init__(self, label: str, total: int | None) -> None:
        self._label = label
        self._total = total
        self._drawn = False

    def update(self, received: int) -> None:
        if self._total:
            filled = min(self._WIDTH, self._WIDTH * received // self._total)
            bar = "#" * filled + " " * (self._WIDTH - filled)
            text = f"{self._label} [{bar}] {100 * received // self._total:3d}%"
        else:
            text = f"{self._label} {received / 1e6:.1f} MB"
        sys.stderr.write(f"\r{text}")
        sys.stderr.flush()
        self._drawn = True

    def finish(self) -> None:
        if self._drawn:
            sys.stderr.write("\n")
            sys.stderr.flush()
