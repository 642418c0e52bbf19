"""The language server (pygls): the only package that imports pygls."""

from __future__ import annotations

import logging
import sys


def start(tcp: str | None = None) -> None:
    """Serve LSP over stdio, or over TCP at ``HOST:PORT`` for debugging."""
    from upstream.lsp.handlers import create_server

    # stdout carries the protocol: logs go to stderr (and to the client's log window).
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="upstream: %(message)s")
    server = create_server()
    if tcp is None:
        server.start_io()
        return
    host, _, port = tcp.rpartition(":")
    server.start_tcp(host or "127.0.0.1", int(port))
