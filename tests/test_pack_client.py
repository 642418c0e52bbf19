"""The HTTP client's rules, through httpx's MockTransport (the registry tests use a real server)."""

from __future__ import annotations

import httpx
import pytest
from upstream.errors import ConfigError
from upstream.packs.client import Fetcher, NetworkSettings
from upstream.packs.urls import FetchError, check_url


def _fetcher(handler, sleeps: list[float] | None = None, **settings: float) -> Fetcher:  # type: ignore[no-untyped-def]
    record = sleeps if sleeps is not None else []
    return Fetcher(
        NetworkSettings(**settings),  # type: ignore[arg-type]
        transport=httpx.MockTransport(handler),
        progress=True,
        sleep=record.append,
    )


def test_backoff_doubles_and_honours_retry_after(tmp_path):
    replies = iter([503, 503, 429, 200])

    def handler(request: httpx.Request) -> httpx.Response:
        status = next(replies)
        headers = {"Retry-After": "2"} if status == 429 else {}
        return httpx.Response(status, headers=headers, content=b"ok" if status == 200 else b"")

    sleeps: list[float] = []
    with _fetcher(handler, sleeps, retries=3, backoff=0.5) as fetcher:
        assert fetcher.fetch_bytes("https://packs.example.org/index.json", 100) == b"ok"
    assert sleeps == [0.5, 1.0, 2.0]


def test_4xx_is_not_retried_and_5xx_gives_up(tmp_path):
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(403 if "forbidden" in str(request.url) else 500)

    with _fetcher(handler, retries=2, backoff=0) as fetcher:
        with pytest.raises(FetchError, match=r"HTTP 403 Forbidden$"):
            fetcher.fetch_bytes("https://x.example/forbidden", 10)
        assert len(calls) == 1
        with pytest.raises(FetchError, match=r"HTTP 500 \(after 3 attempts\)"):
            fetcher.fetch_bytes("https://x.example/broken", 10)
        assert len(calls) == 4


def test_redirects_must_stay_on_https(tmp_path):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "https://cdn.example/new"})
        if request.url.path == "/new":
            return httpx.Response(200, content=b"archive")
        return httpx.Response(302, headers={"Location": "http://cdn.example/plain"})

    with _fetcher(handler) as fetcher:
        sha = fetcher.download("https://x.example/old", tmp_path / "a", 100, "a")
        assert (tmp_path / "a").read_bytes() == b"archive" and len(sha) == 64
        with pytest.raises(FetchError, match=r"redirect to http://cdn\.example/plain refused"):
            fetcher.download("https://x.example/downgrade", tmp_path / "b", 100, "b")


def test_size_cap_and_progress_bar(tmp_path, capsys):
    body = b"x" * 1000

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body)

    with _fetcher(handler) as fetcher:
        fetcher.download("https://x.example/a.tar.gz", tmp_path / "a", 5000, "demo 1.0.0")
        assert "demo 1.0.0 [########################] 100%" in capsys.readouterr().err
        with pytest.raises(FetchError, match="over the 999-byte limit"):
            fetcher.download("https://x.example/a.tar.gz", tmp_path / "a", 999, "demo")


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://packs.example.org/index.json", True),
        ("http://localhost:8000/index.json", True),
        ("http://127.0.0.1:8000/index.json", True),
        ("http://[::1]:8000/index.json", True),
        ("file:///srv/packs/index.json", True),
        ("http://packs.example.org/index.json", False),
        ("http://localhost.evil.example/index.json", False),
        ("ftp://packs.example.org/index.json", False),
    ],
)
def test_https_rule(url, allowed):
    if allowed:
        check_url(url)
    else:
        with pytest.raises(FetchError, match="fetched over HTTPS"):
            check_url(url)


def test_settings_from_environment():
    settings = NetworkSettings.from_environment(
        {"UPSTREAM_HTTP_TIMEOUT": "2.5", "UPSTREAM_HTTP_RETRIES": "0"}
    )
    assert (settings.timeout, settings.retries, settings.backoff) == (2.5, 0, 0.5)
    with pytest.raises(ConfigError, match="UPSTREAM_HTTP_RETRIES='many'"):
        NetworkSettings.from_environment({"UPSTREAM_HTTP_RETRIES": "many"})
