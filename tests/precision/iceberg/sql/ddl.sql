-- Iceberg tables for the analytics lake (Spark SQL with the Iceberg extensions).

CREATE DATABASE IF NOT EXISTS lake.analytics;

CREATE TABLE IF NOT EXISTS lake.analytics.events (
    event_id string COMMENT 'unique event id',
    user_id bigint,
    event_type string,
    event_ts timestamp,
    payload string)
USING iceberg
PARTITIONED BY (days(event_ts), event_type)
TBLPROPERTIES (
    'format-version' = '2',
    'write.target-file-size-bytes' = '536870912',
    'write.distribution-mode' = 'hash');

CREATE TABLE IF NOT EXISTS lake.analytics.orders (
    order_id bigint,
    customer_id bigint,
    amount decimal(12, 2),
    currency string,
    created_at timestamp)
USING iceberg
PARTITIONED BY (months(created_at), bucket(32, customer_id));

CREATE TABLE IF NOT EXISTS lake.analytics.daily_revenue (
    revenue_date date,
    currency string,
    total decimal(18, 2))
USING iceberg
PARTITIONED BY (revenue_date);

CREATE TABLE IF NOT EXISTS lake.analytics.countries (
    country_code string,
    name string,
    region string)
USING iceberg
PARTITIONED BY (region);

CREATE TABLE IF NOT EXISTS lake.analytics.monthly_kpis (
    year int,
    month int,
    kpi string,
    value double)
USING iceberg
PARTITIONED BY (year, month);

ALTER TABLE lake.analytics.events ADD PARTITION FIELD bucket(16, user_id);
ALTER TABLE lake.analytics.events REPLACE PARTITION FIELD event_ts_day WITH hours(event_ts);
ALTER TABLE lake.analytics.events WRITE ORDERED BY event_type, event_ts;
ALTER TABLE lake.analytics.orders SET TBLPROPERTIES ('write.delete.mode' = 'merge-on-read');

INSERT INTO lake.analytics.daily_revenue
SELECT CAST(created_at AS date) AS revenue_date, currency, SUM(amount) AS total
FROM lake.analytics.orders
WHERE created_at >= TIMESTAMP '2025-01-01 00:00:00'
GROUP BY CAST(created_at AS date), currency;

MERGE INTO lake.analytics.orders t
USING staging.order_updates s
ON t.order_id = s.order_id
WHEN MATCHED THEN UPDATE SET *
WHEN NOT MATCHED THEN INSERT *;

CALL lake.system.rewrite_data_files(table => 'analytics.events', strategy => 'binpack');
CALL lake.system.expire_snapshots(table => 'analytics.events', older_than => TIMESTAMP '2025-01-01 00:00:00', retain_last => 10);
CALL lake.system.remove_orphan_files(table => 'analytics.events');
CALL lake.system.rewrite_manifests('analytics.orders');
