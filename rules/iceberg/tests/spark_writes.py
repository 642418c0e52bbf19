# PySpark writes and catalog configuration.
from pyspark.sql import SparkSession

spark = (
    # expect: hadoop-catalog-on-object-store
    SparkSession.builder.appName("etl")
    .config("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog")
    .config("spark.sql.catalog.lake.type", "hadoop")
    .config("spark.sql.catalog.lake.warehouse", "s3a://analytics-bucket/warehouse")
    .getOrCreate()
)

local = (
    SparkSession.builder.appName("tests")
    .config("spark.sql.catalog.local", "org.apache.iceberg.spark.SparkCatalog")
    # ok: hadoop-catalog-on-object-store
    .config("spark.sql.catalog.local.type", "hadoop")
    .config("spark.sql.catalog.local.warehouse", "/tmp/warehouse")
    .getOrCreate()
)

rest = (
    SparkSession.builder
    .config("spark.sql.catalog.prod.warehouse", "s3://analytics-bucket/warehouse")
    # ok: hadoop-catalog-on-object-store
    .config("spark.sql.catalog.prod.type", "rest")
    .config("spark.sql.catalog.prod.uri", "https://catalog.example.com")
    .getOrCreate()
)

df = spark.table("staging.events")
# expect: v1-dataframe-writer
df.write.format("iceberg").mode("append").save("lake.db.events")
# expect: v1-dataframe-writer
df.write.mode("overwrite").format("iceberg").option("overwrite-mode", "dynamic").save("lake.db.events")
# ok: v1-dataframe-writer
df.writeTo("lake.db.events").append()
# ok: v1-dataframe-writer
df.write.format("parquet").mode("append").save("s3a://bucket/raw/events")
# ok: v1-dataframe-writer
df.write.format("iceberg").mode("append").saveAsTable("lake.db.events")
