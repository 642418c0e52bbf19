# A new client per request (Flask / FastAPI), against a client created once.
import functools

import redis
import redis.asyncio
from fastapi import APIRouter, FastAPI
from flask import Blueprint, Flask

app = Flask(__name__)
bp = Blueprint("items", __name__)
api = FastAPI()
router = APIRouter()

# ok: client-per-request
shared = redis.Redis.from_url("redis://localhost:6379/0")
# ok: client-per-request
pool = redis.ConnectionPool(host="localhost", port=6379, db=0)


@app.route("/counter")
def counter():
    # expect: client-per-request
    r = redis.Redis(host="localhost", port=6379)
    return str(r.incr("hits"))


@bp.get("/items/<item_id>")
def get_item(item_id):
    # expect: client-per-request
    r = redis.from_url("redis://localhost:6379/0")
    return r.get(f"item:{item_id}") or ""


@router.post("/events")
async def post_event(event: dict):
    # expect: client-per-request
    client = redis.asyncio.Redis(host="localhost")
    await client.xadd("events", event)
    await client.aclose()


@api.get("/shared")
def uses_shared():
    # ok: client-per-request
    r = redis.Redis(connection_pool=pool)
    return shared.get("k")


# A factory, cached or not, is not a request handler.
@functools.lru_cache
def get_redis():
    # ok: client-per-request
    return redis.Redis(host="localhost")


class Store:
    def __init__(self, url):
        # ok: client-per-request
        self.client = redis.Redis.from_url(url)
