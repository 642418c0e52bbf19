"""One-off: shard the shop collections through the admin database (MongoDB 7.0+)."""

from __future__ import annotations

from bson.son import SON
from pymongo import HASHED

from .db import client


def shard_collections() -> None:
    admin = client.admin
    client.shop.orders.create_index([("customerId", 1), ("createdAt", 1)])
    admin.command("shardCollection", "shop.orders", key={"customerId": 1, "createdAt": 1})
    admin.command("shardCollection", "shop.sessions", key={"_id": HASHED})
    admin.command(
        SON(
            [
                ("shardCollection", "shop.events"),
                ("key", {"deviceId": "hashed", "ts": 1}),
            ]
        )
    )
    client.shop.users.create_index("email", unique=True)
    admin.command("shardCollection", "shop.users", key={"email": 1}, unique=True)
    admin.command("reshardCollection", "shop.carts", key={"customerId": "hashed"})


if __name__ == "__main__":
    shard_collections()
