"""Maintainer tooling: scaffold a pack (``pack new``), review one (``pack lint``) and draft
one from a library's own deprecation metadata (``pack seed``)."""
