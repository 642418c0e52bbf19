"""Fetching indexes and archives over HTTP(S) with httpx.

- HTTPS only, except ``http://`` to localhost and ``file://`` URLs; a redirect must lead to
  HTTPS too (a downgrade would undo the rule).
- Connect errors, timeouts, dropped connections, 429 and 5xx are retried with exponential
  backoff; other 4xx fail at once.
- Every response body is capped; proxies come from the environment as httpx reads them.
- On a terminal, a download shows a progress bar on stderr.

``NetworkSettings.from_environment`` reads ``UPSTREAM_HTTP_TIMEOUT`` (seconds),
``UPSTREAM_HTTP_RETRIES`` and ``UPSTREAM_HTTP_BACKOFF`` (seconds before the first retry).
``Fetcher(transport=...)`` takes an httpx transport, the seam for tests.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable, Mapping
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


@dataclass(frozen=True)
class NetworkSettings:
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 0.5
    max_redirects: int = 5

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
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            wait: float | None = None
            try:
                outcome = self._attempt(url, max_bytes, start(), label)
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
                raise FetchError(f"{url}: {error}") from None
            except httpx.TransportError as error:
                reason = _describe(error, self.settings.timeout)
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
            self._sleep(delay)

    def _attempt(
        self, url: str, max_bytes: int, write: Callable[[bytes], None], label: str | None
    ) -> tuple[int, float | None] | None:
        """Fetch once. None when done; (status, Retry-After) when the server asks to retry."""
        current = url
        for _ in range(self.settings.max_redirects + 1):
            with self._client.stream("GET", current) as response:
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
                self._receive(response, current, max_bytes, write, label)
                return None
        raise FetchError(f"{url}: more than {self.settings.max_redirects} redirects")

    def _receive(
        self,
        response: httpx.Response,
        url: str,
        max_bytes: int,
        write: Callable[[bytes], None],
        label: str | None,
    ) -> None:
        length = response.headers.get("content-length")
        total = int(length) if length and length.isdigit() else None
        if total is not None and total > max_bytes:
            raise FetchError(f"{url}: {total} bytes is over the {max_bytes}-byte limit; refused")
        progress = _ProgressBar(label, total) if self._progress and label else None
        received = 0
        try:
            for block in response.iter_bytes():
                received += len(block)
                if received > max_bytes:
                    raise FetchError(f"{url}: over the {max_bytes}-byte limit; refused")
                write(block)
                if progress is not None:
                    progress.update(received)
        finally:
            if progress is not None:
                progress.finish()


def _read_file_url(url: str, max_bytes: int, write: Callable[[bytes], None]) -> None:
    path = Path(url2pathname(unquote(urlsplit(url).path)))
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise FetchError(f"{url}: {size} bytes is over the {max_bytes}-byte limit; refused")
        write(path.read_bytes())
    except OSError as error:
        raise FetchError(f"{url}: cannot read: {error.strerror or error}") from None


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
