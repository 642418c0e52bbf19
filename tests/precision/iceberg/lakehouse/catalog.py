"""PyIceberg access to the lake: catalogs, tables, scans and appends."""

from __future__ import annotations

import os
from datetime import datetime, timezone

import pyarrow as pa
from pyiceberg.catalog import load_catalog
from pyiceberg.catalog.sql import SqlCatalog
from pyiceberg.expressions import And, EqualTo, GreaterThanOrEqual
from pyiceberg.partitioning import PartitionField, PartitionSpec
from pyiceberg.schema import Schema
from pyiceberg.table.sorting import SortField, SortOrder
from pyiceberg.transforms import BucketTransform, DayTransform, HourTransform, IdentityTransform
from pyiceberg.types import LongType, NestedField, StringType, TimestamptzType

EVENTS_SCHEMA = Schema(
    NestedField(field_id=1, name="event_id", field_type=StringType(), required=True),
    NestedField(field_id=2, name="user_id", field_type=LongType(), required=False),
    NestedField(field_id=3, name="event_type", field_type=StringType(), required=False),
    NestedField(field_id=4, name="event_ts", field_type=TimestamptzType(), required=True),
    identifier_field_ids=[1],
)

EVENTS_SPEC = PartitionSpec(
    PartitionField(source_id=4, field_id=1000, transform=DayTransform(), name="event_ts_day"),
    PartitionField(source_id=3, field_id=1001, transform=IdentityTransform(), name="event_type"),
)

EVENTS_SORT = SortOrder(SortField(source_id=4, transform=IdentityTransform()))


def rest_catalog():
    return load_catalog(
        "lake",
        **{
            "type": "rest",
            "uri": os.environ.get("LAKE_CATALOG_URI", "http://localhost:8181"),
            "credential": os.environ.get("LAKE_CREDENTIAL", ""),
            "oauth2-server-uri": os.environ.get(
                "LAKE_OAUTH_URI", "http://localhost:8181/v1/oauth/tokens"
            ),
            "warehouse": "analytics",
            "s3.region": "eu-west-1",
        },
    )


def glue_catalog():
    return load_catalog(
        "glue",
        **{
            "type": "glue",
            "client.region": os.environ.get("AWS_REGION", "eu-west-1"),
            "glue.skip-archive": "true",
        },
    )


def gcs_catalog():
    return load_catalog(
        "gcs",
        **{
            "type": "rest",
            "uri": "http://localhost:8181",
            "gcs.project-id": "analytics-project",
            "gcs.service.host": "http://localhost:4443",
        },
    )


def azure_catalog():
    return load_catalog(
        "azure",
        **{
            "type": "rest",
            "uri": "http://localhost:8181",
            "adls.account-name": "devstoreaccount1",
            "adls.connection-string": os.environ.get("ADLS_CONNECTION_STRING", ""),
        },
    )


def local_catalog(path: str = "/tmp/pyiceberg") -> SqlCatalog:
    os.makedirs(path, exist_ok=True)
    return SqlCatalog("local", uri=f"sqlite:///{path}/catalog.db", warehouse=f"file://{path}")


def ensure_events_table(catalog):
    catalog.create_namespace_if_not_exists("analytics")
    return catalog.create_table_if_not_exists(
        "analytics.events",
        schema=EVENTS_SCHEMA,
        partition_spec=EVENTS_SPEC,
        sort_order=EVENTS_SORT,
        properties={"format-version": "2"},
    )


def append_events(table, rows: list[dict]) -> None:
    arrow = pa.Table.from_pylist(rows, schema=table.schema().as_arrow())
    table.append(arrow)


def recent_events(table, event_type: str, since: datetime):
    return table.scan(
        row_filter=And(
            EqualTo("event_type", event_type),
            GreaterThanOrEqual("event_ts", since.isoformat()),
        ),
        selected_fields=("event_id", "user_id", "event_ts"),
        limit=10_000,
    ).to_arrow()


def count_by_type(table) -> dict[str, int]:
    counts: dict[str, int] = {}
    for batch in table.scan(selected_fields=("event_type",)).to_arrow_batch_reader():
        for value in batch.column(0).to_pylist():
            counts[value] = counts.get(value, 0) + 1
    return counts


def evolve(table) -> None:
    with table.update_schema() as update:
        update.add_column("country", StringType(), doc="ISO 3166-1 alpha-2")
    with table.update_spec() as spec:
        spec.add_field("user_id", BucketTransform(16), "user_id_bucket")
        spec.add_identity("country")
    with table.update_spec() as spec:
        spec.remove_field("event_ts_day")
        spec.add_field("event_ts", HourTransform(), "event_ts_hour")


def upsert_users(catalog, rows: list[dict]) -> None:
    users = catalog.load_table("analytics.users")
    users.upsert(pa.Table.from_pylist(rows, schema=users.schema().as_arrow()))


def snapshot_report(table) -> list[str]:
    lines = []
    for entry in table.history():
        snap = table.snapshot_by_id(entry.snapshot_id)
        when = datetime.fromtimestamp(entry.timestamp_ms / 1000, tz=timezone.utc)
        lines.append(
            f"{when.isoformat()} {snap.summary.operation if snap and snap.summary else '?'}"
        )
    return lines


def properties_report(table) -> list[str]:
    return sorted(table.properties.keys())


if __name__ == "__main__":
    catalog = local_catalog()
    events = ensure_events_table(catalog)
    append_events(
        events,
        [
            {
                "event_id": "e1",
                "user_id": 1,
                "event_type": "click",
                "event_ts": datetime.now(timezone.utc),
            },
            {
                "event_id": "e2",
                "user_id": 2,
                "event_type": "view",
                "event_ts": datetime.now(timezone.utc),
            },
        ],
    )
    print(count_by_type(events))
    print(snapshot_report(events))
