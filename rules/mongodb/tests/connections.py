# Flask, FastAPI, Django and AWS Lambda handlers with PyMongo.
import os

from fastapi import APIRouter
from flask import Flask, jsonify
from pymongo import AsyncMongoClient, MongoClient

app = Flask(__name__)
router = APIRouter()
URI = os.environ.get("MONGODB_URI", "mongodb://localhost:27017")

# The right way: one client per process.
# ok: mongo-client-per-request
client = MongoClient(URI)


@app.route("/orders")
def list_orders():
    # expect: mongo-client-per-request
    per_request = MongoClient(URI)
    orders = list(per_request.shop.orders.find({}, {"_id": 0}).limit(20))
    per_request.close()
    return jsonify(orders)


@app.get("/orders/<order_id>")
def get_order(order_id):
    # expect: mongo-client-per-request
    with MongoClient(URI) as c:
        return jsonify(c.shop.orders.find_one({"_id": order_id}, {"_id": 0}))


@router.post("/events")
async def add_event(event: dict):
    # expect: mongo-client-per-request
    c = AsyncMongoClient(URI)
    await c.app.events.insert_one(event)


def order_view(request, order_id):
    # expect: mongo-client-per-request
    c = MongoClient(URI)
    return c.shop.orders.find_one({"_id": order_id})


def lambda_handler(event, context):
    # expect: mongo-client-per-request
    c = MongoClient(URI)
    return c.app.events.find_one({"id": event["id"]})


@app.route("/health")
def health():
    # ok: mongo-client-per-request
    client.admin.command("ping")
    return "ok"


_cached = None


@app.route("/cached")
def cached_orders():
    global _cached
    if _cached is None:
        # ok: mongo-client-per-request
        _cached = MongoClient(URI)
    return jsonify(list(_cached.shop.orders.find({}, {"_id": 0}).limit(5)))


def get_client():
    # A factory that caches the client in a module global: created once.
    global _cached
    if _cached is None:
        # ok: mongo-client-per-request
        _cached = MongoClient(URI)
    return _cached


def main():
    # A script's entry point runs once.
    # ok: mongo-client-per-request
    c = MongoClient(URI)
    print(c.shop.orders.count_documents({}))


def create_app():
    # ok: mongo-client-per-request
    db_client = MongoClient(URI)
    api = Flask(__name__)

    @api.route("/orders")
    def orders():
        return jsonify(list(db_client.shop.orders.find({}, {"_id": 0})))

    return api
