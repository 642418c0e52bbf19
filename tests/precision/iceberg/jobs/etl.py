"""Daily ETL into Iceberg tables with the DataFrameWriterV2 API."""

from __future__ import annotations

import sys
from datetime import date, timedelta

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from jobs.spark_session import build_session

EVENTS_DDL = """
CREATE TABLE IF NOT EXISTS lake.analytics.events (
    event_id string,
    user_id bigint,
    event_type string,
    event_ts timestamp,
    payload string)
USING iceberg
PARTITIONED BY (days(event_ts), event_type)
TBLPROPERTIES ('format-version' = '2')
"""

SESSIONS_DDL = (
    "CREATE TABLE IF NOT EXISTS lake.analytics.sessions "
    "(session_id string, user_id bigint, started_at timestamp, ended_at timestamp) "
    "USING iceberg PARTITIONED BY (hours(started_at), bucket(64, session_id))"
)

CLICKS_DDL = """
CREATE OR REPLACE TABLE lake.analytics.clicks
USING iceberg
PARTITIONED BY (days(clicked_at), truncate(4, country))
AS SELECT click_id, user_id, country, clicked_at FROM staging.clicks
"""


def ensure_tables(spark: SparkSession) -> None:
    spark.sql(EVENTS_DDL)
    spark.sql(SESSIONS_DDL)
    spark.sql("ALTER TABLE lake.analytics.events ADD PARTITION FIELD bucket(16, user_id)")
    spark.sql(
        "ALTER TABLE lake.analytics.events WRITE DISTRIBUTED BY PARTITION LOCALLY ORDERED BY event_ts"
    )


def load_raw(spark: SparkSession, day: date) -> DataFrame:
    return (
        spark.read.format("json")
        .load(f"s3://analytics-raw/events/dt={day.isoformat()}/")
        .withColumn("event_ts", F.to_timestamp("ts"))
        .drop("ts")
    )


def write_events(df: DataFrame) -> None:
    df.select("event_id", "user_id", "event_type", "event_ts", "payload").writeTo(
        "lake.analytics.events"
    ).append()


def rebuild_day(spark: SparkSession, df: DataFrame, day: date) -> None:
    start = F.lit(day.isoformat()).cast("timestamp")
    end = F.lit((day + timedelta(days=1)).isoformat()).cast("timestamp")
    df.writeTo("lake.analytics.events").overwrite(
        (F.col("event_ts") >= start) & (F.col("event_ts") < end)
    )


def daily_counts(spark: SparkSession, day: date) -> DataFrame:
    return spark.sql(
        f"""
        SELECT event_type, count(*) AS n
        FROM lake.analytics.events
        WHERE event_ts >= TIMESTAMP '{day.isoformat()} 00:00:00'
          AND event_ts < TIMESTAMP '{(day + timedelta(days=1)).isoformat()} 00:00:00'
        GROUP BY event_type
        """
    )


def export_parquet(df: DataFrame, day: date) -> None:
    # A plain Parquet export for a partner, not an Iceberg table.
    df.write.format("parquet").mode("overwrite").save(f"s3://partner-drop/events/{day.isoformat()}")


def create_summary(spark: SparkSession) -> None:
    summary = spark.table("lake.analytics.events").groupBy("event_type").count()
    summary.writeTo("lake.analytics.event_type_counts").using("iceberg").createOrReplace()


def main(argv: list[str]) -> int:
    day = date.fromisoformat(argv[1]) if len(argv) > 1 else date.today() - timedelta(days=1)
    spark = build_session("daily-etl")
    ensure_tables(spark)
    raw = load_raw(spark, day)
    write_events(raw)
    daily_counts(spark, day).show()
    create_summary(spark)
    columns = {field.name: field.dataType.simpleString() for field in raw.schema.fields}
    print("columns:", ", ".join(columns.keys()))
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
