"""Table maintenance through the Iceberg stored procedures."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from jobs.spark_session import build_session

TABLES = ["analytics.events", "analytics.orders", "analytics.sessions"]


def main() -> None:
    spark = build_session("iceberg-maintenance")
    cutoff = (datetime.now(timezone.utc) - timedelta(days=7)).strftime("%Y-%m-%d %H:%M:%S")
    for table in TABLES:
        spark.sql(
            f"CALL lake.system.rewrite_data_files(table => '{table}', "
            "options => map('min-input-files', '5', 'partial-progress.enabled', 'true'))"
        )
        spark.sql(f"CALL lake.system.rewrite_manifests('{table}')")
        spark.sql(
            f"CALL lake.system.expire_snapshots(table => '{table}', "
            f"older_than => TIMESTAMP '{cutoff}', retain_last => 20)"
        )
        spark.sql(f"CALL lake.system.remove_orphan_files(table => '{table}')")
    spark.stop()


if __name__ == "__main__":
    main()
