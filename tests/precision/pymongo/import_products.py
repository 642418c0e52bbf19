"""Command-line import of products from a CSV file."""

from __future__ import annotations

import argparse
import csv
import sys

from pymongo import MongoClient, UpdateOne
from pymongo.errors import BulkWriteError

from inventory.indexes import ensure_indexes


def parse_rows(path: str) -> list[dict]:
    rows = []
    with open(path, newline="") as handle:
        for raw in csv.DictReader(handle):
            row = {key.strip(): value.strip() for key, value in raw.items()}
            row.update({"price": float(row["price"]), "stock": int(row.get("stock") or 0)})
            rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("csv_path")
    parser.add_argument(
        "--uri", default="mongodb://localhost:27017/inventory?tls=false&journal=true"
    )
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)

    rows = parse_rows(args.csv_path)
    skipped = [row for row in rows if not row.get("sku")]
    for row in skipped:
        rows.remove(row)
    if args.dry_run:
        print(f"{len(rows)} rows, {len(skipped)} without a sku")
        return 0

    with MongoClient(args.uri, w="majority", journal=True, wTimeoutMS=10_000) as client:
        db = client.get_default_database()
        ensure_indexes(db)
        requests = [UpdateOne({"sku": row["sku"]}, {"$set": row}, upsert=True) for row in rows]
        try:
            result = db.products.bulk_write(requests, ordered=False)
        except BulkWriteError as error:
            print(error.details["writeErrors"][:5], file=sys.stderr)
            return 1
        print(
            f"upserted {result.upserted_count}, modified {result.modified_count}, "
            f"total now {db.products.count_documents({})}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
