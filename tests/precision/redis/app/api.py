"""FastAPI service using redis.asyncio with a client created at startup."""

from __future__ import annotations

import json
import os
from contextlib import asynccontextmanager

import redis.asyncio as aioredis
from fastapi import Depends, FastAPI, HTTPException, Request

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.redis = aioredis.from_url(REDIS_URL, decode_responses=True)
    try:
        yield
    finally:
        await app.state.redis.aclose()


api = FastAPI(lifespan=lifespan)


def get_client(request: Request) -> aioredis.Redis:
    return request.app.state.redis


@api.get("/items/{item_id}")
async def read_item(item_id: str, client: aioredis.Redis = Depends(get_client)):
    raw = await client.get(f"item:{item_id}")
    if raw is None:
        raise HTTPException(status_code=404)
    return json.loads(raw)


@api.put("/items/{item_id}")
async def put_item(item_id: str, item: dict, client: aioredis.Redis = Depends(get_client)):
    await client.set(f"item:{item_id}", json.dumps(item), ex=3600)
    await client.hset(f"item_meta:{item_id}", mapping={"owner": item.get("owner", ""), "v": 1})
    return {"ok": True}


@api.get("/items")
async def list_items(prefix: str = "", client: aioredis.Redis = Depends(get_client)):
    keys = [key async for key in client.scan_iter(match=f"item:{prefix}*", count=200)]
    return {"items": sorted(keys)}


@api.post("/events")
async def post_event(event: dict, client: aioredis.Redis = Depends(get_client)):
    entry_id = await client.xadd("events", {"body": json.dumps(event)}, maxlen=10_000)
    return {"id": entry_id}


@api.get("/events/{group}")
async def read_events(group: str, client: aioredis.Redis = Depends(get_client)):
    stream = await client.xreadgroup(group, "api", {"events": ">"}, count=10, block=100)
    return {"events": stream}
