"""HTTP routes. Every handler uses the shared client through the repository."""

from __future__ import annotations

from bson import json_util
from flask import Flask, Response, abort, request

from . import repository
from .db import ping

app = Flask(__name__)


def as_json(payload, status: int = 200) -> Response:
    return Response(json_util.dumps(payload), status=status, mimetype="application/json")


@app.get("/health")
def health():
    return ("ok", 200) if ping() else ("mongodb unreachable", 503)


@app.get("/orders")
def list_orders():
    page, next_after = repository.list_orders(
        status=request.args.get("status"),
        after=request.args.get("after"),
        limit=int(request.args.get("limit", repository.PAGE_SIZE)),
    )
    return as_json({"orders": page, "next": next_after})


@app.get("/orders/<order_id>")
def get_order(order_id: str):
    order = repository.get_order(order_id)
    if order is None:
        abort(404)
    return as_json(order)


@app.post("/orders")
def create_order():
    body = request.get_json(force=True)
    return as_json(repository.create_order(body["customerId"], body["lines"]), status=201)


@app.post("/orders/<order_id>/pay")
def pay_order(order_id: str):
    order = repository.mark_paid(order_id)
    if order is None:
        abort(409)
    return as_json(order)


@app.get("/search")
def search():
    results = {
        "customers": repository.find_customers_by_name(request.args.get("name", "")),
        "orders": repository.search_sku_prefix(request.args.get("sku", "")),
    }
    return as_json(results)


@app.get("/stats")
def stats():
    return as_json(
        {
            "pending": repository.count_by_status("pending"),
            "total": repository.total_orders(),
            "late": len(repository.late_orders()),
            "top": repository.revenue_by_customer(),
        }
    )


def create_app() -> Flask:
    repository.ensure_indexes()
    return app
