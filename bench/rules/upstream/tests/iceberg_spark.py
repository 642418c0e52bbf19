# Cases of the iceberg rule in the benchmark pack, from rules/iceberg/tests/.
from pyspark.sql import SparkSession

spark = (
    # expect: iceberg--hadoop-catalog-on-object-store
    SparkSession.builder.appName("etl")
    .config("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog")
    .config("spark.sql.catalog.lake.type", "hadoop")
    .config("spark.sql.catalog.lake.warehouse", "s3a://analytics-bucket/warehouse")
    .getOrCreate()
)

local = (
    SparkSession.builder.appName("tests")
    .config("spark.sql.catalog.local", "org.apache.iceberg.spark.SparkCatalog")
    # ok: iceberg--hadoop-catalog-on-object-store
    .config("spark.sql.catalog.local.type", "hadoop")
    .config("spark.sql.catalog.local.warehouse", "/tmp/warehouse")
    .getOrCreate()
)

rest = (
    SparkSession.builder
    .config("spark.sql.catalog.prod.warehouse", "s3://analytics-bucket/warehouse")
    # ok: iceberg--hadoop-catalog-on-object-store
    .config("spark.sql.catalog.prod.type", "rest")
    .config("spark.sql.catalog.prod.uri", "https://catalog.example.com")
    .getOrCreate()
)
