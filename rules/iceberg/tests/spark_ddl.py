# Spark SQL DDL for Iceberg tables in PySpark strings.
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# ---------------------------------------------------------------- identity on a timestamp
# expect: partition-identity-timestamp
spark.sql("CREATE TABLE prod.db.events (id bigint, ts timestamp, data string) USING iceberg PARTITIONED BY (ts)")
spark.sql(
    # expect: partition-identity-timestamp
    """
    CREATE TABLE IF NOT EXISTS prod.db.orders (
        order_id bigint,
        customer string,
        created_at timestamp)
    USING iceberg
    PARTITIONED BY (bucket(8, customer), created_at)
    """
)
# expect: partition-identity-timestamp
spark.sql("ALTER TABLE prod.db.events ADD PARTITION FIELD event_ts")
# ok: partition-identity-timestamp
spark.sql("CREATE TABLE prod.db.events (id bigint, ts timestamp) USING iceberg PARTITIONED BY (days(ts))")
# ok: partition-identity-timestamp
spark.sql("ALTER TABLE prod.db.events ADD PARTITION FIELD hours(ts)")
# ok: partition-identity-timestamp
spark.sql("CREATE TABLE prod.db.daily (id bigint, event_date date) USING iceberg PARTITIONED BY (event_date)")
# Not an Iceberg table.
# ok: partition-identity-timestamp
spark.sql("CREATE TABLE logs (id bigint, ts timestamp) USING parquet PARTITIONED BY (ts)")
# ok: partition-identity-timestamp
message = "partitioned by (ts) is a bad idea"

# ---------------------------------------------------------------- identity on a unique id
# expect: partition-identity-unique-id
ddl = "CREATE TABLE prod.db.clicks (click_id bigint, ts timestamp) USING iceberg PARTITIONED BY (days(ts), click_id)"
# expect: partition-identity-unique-id
spark.sql("ALTER TABLE prod.db.users ADD PARTITION FIELD user_id")
# ok: partition-identity-unique-id
spark.sql("CREATE TABLE prod.db.users (id bigint, ts timestamp) USING iceberg PARTITIONED BY (bucket(16, id))")
# ok: partition-identity-unique-id
spark.sql("CREATE TABLE prod.db.t (tenant_id bigint, ts timestamp) USING iceberg PARTITIONED BY (tenant_id, days(ts))")

# ---------------------------------------------------------------- redundant time transforms
# expect: partition-redundant-time-transforms
spark.sql("CREATE TABLE prod.db.logs (ts timestamp, level string) USING iceberg PARTITIONED BY (years(ts), months(ts), days(ts))")
# expect: partition-redundant-time-transforms
spark.sql("CREATE OR REPLACE TABLE prod.db.logs USING iceberg PARTITIONED BY (day(event_time), hour(event_time)) AS SELECT * FROM src")
# ok: partition-redundant-time-transforms
spark.sql("CREATE TABLE prod.db.logs (ts timestamp, level string) USING iceberg PARTITIONED BY (days(ts), level)")
# Different columns.
# ok: partition-redundant-time-transforms
spark.sql("CREATE TABLE prod.db.trips (pickup_ts timestamp, dropoff_ts timestamp) USING iceberg PARTITIONED BY (days(pickup_ts), months(dropoff_ts))")
# Outside the partition list.
# ok: partition-redundant-time-transforms
spark.sql("CREATE TABLE prod.db.agg USING iceberg PARTITIONED BY (days(ts)) AS SELECT year(ts) AS y, month(ts) AS m, ts FROM src")

# ---------------------------------------------------------------- hive-style columns
spark.sql(
    # expect: partition-hive-style-date-columns
    """CREATE TABLE prod.db.logs (message string, event_time timestamp, year int, month int, day int)
       USING iceberg PARTITIONED BY (year, month, day)"""
)
# ok: partition-hive-style-date-columns
spark.sql("CREATE TABLE prod.db.monthly (year int, month int, total double) USING iceberg PARTITIONED BY (year, month)")

# ---------------------------------------------------------------- bucket argument order
# expect: partition-bucket-argument-order
spark.sql("CREATE TABLE prod.db.users (id bigint, name string) USING iceberg PARTITIONED BY (bucket(id, 16))")
# ok: partition-bucket-argument-order
spark.sql("CREATE TABLE prod.db.users (id bigint, name string) USING iceberg PARTITIONED BY (bucket(16, id))")
