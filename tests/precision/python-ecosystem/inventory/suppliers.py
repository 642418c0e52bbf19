"""Supplier API client (requests, always with timeouts)."""

from __future__ import annotations

import logging
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .config import Settings

log = logging.getLogger(__name__)
CONNECT_TIMEOUT = 3.05
READ_TIMEOUT = 27


class SupplierClient:
    def __init__(self, settings: Settings) -> None:
        self.base_url = settings.supplier_api_url.rstrip("/")
        self.timeout = (CONNECT_TIMEOUT, settings.request_timeout_seconds)
        self.session = requests.Session()
        retries = Retry(total=3, backoff_factor=0.5, status_forcelist=(502, 503, 504))
        self.session.mount("https://", HTTPAdapter(max_retries=retries))
        self.session.headers["Authorization"] = (
            f"Bearer {settings.supplier_api_token.get_secret_value()}"
        )

    def catalogue(self, supplier: str) -> list[dict[str, Any]]:
        response = self.session.get(
            f"{self.base_url}/suppliers/{supplier}/catalogue", timeout=self.timeout
        )
        response.raise_for_status()
        payload = response.json()
        return payload.get("items", [])

    def post_order(self, supplier: str, lines: list[dict[str, Any]]) -> str:
        response = self.session.post(
            f"{self.base_url}/suppliers/{supplier}/orders",
            json={"lines": lines},
            timeout=self.timeout,
        )
        response.raise_for_status()
        return response.json()["order_id"]

    def close(self) -> None:
        self.session.close()


def exchange_rate(currency: str) -> float:
    response = requests.get(
        "https://rates.example.com/latest",
        params={"base": "EUR", "symbols": currency},
        timeout=10,
    )
    response.raise_for_status()
    rates = response.json()["rates"]
    return float(rates.get(currency, 1.0))


def health(url: str, **request_options: Any) -> bool:
    options = {"timeout": 5, **request_options}
    try:
        return requests.head(url, **options).ok
    except requests.RequestException as exc:
        log.info("health check failed for %s: %s", url, exc)
        return False


def ping_all(urls: list[str]) -> dict[str, int]:
    results = {}
    for url in urls:
        results[url] = requests.get(url, timeout=(CONNECT_TIMEOUT, READ_TIMEOUT)).status_code
    return results
