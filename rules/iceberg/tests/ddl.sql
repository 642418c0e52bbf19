-- Spark SQL DDL for Iceberg tables in a .sql file.

-- expect: partition-identity-timestamp
CREATE TABLE prod.db.events (id bigint, ts timestamp, payload string) USING iceberg PARTITIONED BY (ts);

CREATE TABLE IF NOT EXISTS prod.db.clicks (
    click_id bigint,
    user_id bigint,
    created_at TIMESTAMP,
    country string)
USING iceberg
-- expect: partition-identity-timestamp
PARTITIONED BY (country, created_at);

-- ok: partition-identity-timestamp
CREATE TABLE prod.db.daily (id bigint, event_date date, category string) USING iceberg PARTITIONED BY (event_date);

-- A string column named like a timestamp is not a timestamp here.
-- ok: partition-identity-timestamp
CREATE TABLE prod.db.raw (id bigint, ts string) USING iceberg PARTITIONED BY (ts);

-- Not an Iceberg table.
-- ok: partition-identity-timestamp
CREATE TABLE hive_db.logs (id bigint, ts timestamp) PARTITIONED BY (ts);

-- expect: partition-identity-unique-id
CREATE TABLE prod.db.orders (order_id bigint, amount decimal(10, 2)) USING iceberg PARTITIONED BY (order_id);

-- expect: partition-identity-unique-id
CREATE TABLE prod.db.sessions (id bigint, started timestamp, user_id bigint) USING iceberg PARTITIONED BY (user_id);

-- ok: partition-identity-unique-id
CREATE TABLE prod.db.tenants (tenant_id bigint, name string) USING iceberg PARTITIONED BY (tenant_id);

CREATE TABLE prod.db.logs (level string, message string, event_time timestamp, year int, month int)
USING iceberg
-- expect: partition-hive-style-date-columns
PARTITIONED BY (year, month);

-- A monthly aggregate keyed by year and month, with no timestamp: fine.
-- ok: partition-hive-style-date-columns
CREATE TABLE prod.db.monthly_sales (year int, month int, region string, total double) USING iceberg PARTITIONED BY (year, month);

-- ok: partition-hive-style-date-columns
CREATE TABLE prod.db.logs2 (level string, event_time timestamp) USING iceberg PARTITIONED BY (level);
