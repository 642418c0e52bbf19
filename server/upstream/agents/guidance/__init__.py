"""Guidance for assistants from the packs: don't/do pairs with examples from the packs'
tests (pairs), fitted to a token budget (budget), in each assistant's files (formats)."""
