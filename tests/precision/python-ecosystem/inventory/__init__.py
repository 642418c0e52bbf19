"""Inventory service: models, persistence, pricing analytics and an LLM assistant."""

__version__ = "0.3.0"
