"""Operational script: reports key counts and removes expired-style keys by prefix."""

from __future__ import annotations

import argparse
import collections
import sys

from app.redis_client import make_client
from app.store import purge_prefix


def key_families(client, sample: int) -> collections.Counter:
    counts: collections.Counter = collections.Counter()
    for index, key in enumerate(client.scan_iter(count=1000)):
        if index >= sample:
            break
        counts[key.split(":", 1)[0]] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--purge-prefix")
    parser.add_argument("--sample", type=int, default=100_000)
    args = parser.parse_args(argv)

    client = make_client(args.url)
    families = key_families(client, args.sample)
    for family, count in families.most_common():
        print(f"{family:30} {count}")
    info = client.info("memory")
    print("used_memory_human", info.get("used_memory_human"))
    options = vars(args)
    print("options:", ", ".join(options.keys()))
    if args.purge_prefix:
        print("deleted", purge_prefix(client, args.purge_prefix))
    return 0


if __name__ == "__main__":
    sys.exit(main())
