"""Database users are managed with commands, not the removed add_user helper."""

from __future__ import annotations

from typing import Any

from pymongo.database import Database
from pymongo.errors import OperationFailure


def create_reporting_user(admin: Database, name: str, password: str) -> None:
    admin.command("createUser", name, pwd=password, roles=[{"role": "read", "db": "inventory"}])


def rotate_password(admin: Database, name: str, password: str) -> None:
    admin.command("updateUser", name, pwd=password)


def drop_user(admin: Database, name: str) -> bool:
    try:
        admin.command("dropUser", name)
    except OperationFailure as error:
        if error.code == 11:  # UserNotFound
            return False
        raise
    return True


def current_operations(admin: Database) -> list[dict[str, Any]]:
    return list(admin.aggregate([{"$currentOp": {"allUsers": True}}, {"$match": {"active": True}}]))


def profiling_level(db: Database) -> int:
    return db.command("profile", -1)["was"]
