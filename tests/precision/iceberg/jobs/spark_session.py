"""SparkSession configured for an Iceberg REST catalog on S3."""

from __future__ import annotations

import os

from pyspark.sql import SparkSession

ICEBERG_RUNTIME = "org.apache.iceberg:iceberg-spark-runtime-3.5_2.12:1.9.1"
AWS_BUNDLE = "org.apache.iceberg:iceberg-aws-bundle:1.9.1"


def build_session(app_name: str) -> SparkSession:
    warehouse = os.environ.get("LAKE_WAREHOUSE", "s3://analytics-lake/warehouse")
    return (
        SparkSession.builder.appName(app_name)
        .config("spark.jars.packages", f"{ICEBERG_RUNTIME},{AWS_BUNDLE}")
        .config(
            "spark.sql.extensions",
            "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions",
        )
        .config("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog")
        .config("spark.sql.catalog.lake.type", "rest")
        .config(
            "spark.sql.catalog.lake.uri",
            os.environ.get("LAKE_CATALOG_URI", "http://localhost:8181"),
        )
        .config("spark.sql.catalog.lake.warehouse", warehouse)
        .config("spark.sql.catalog.lake.io-impl", "org.apache.iceberg.aws.s3.S3FileIO")
        .config("spark.sql.defaultCatalog", "lake")
        .getOrCreate()
    )


def build_local_session() -> SparkSession:
    """Single-writer local tests: a Hadoop catalog on local disk is fine."""
    return (
        SparkSession.builder.master("local[2]")
        .config("spark.sql.catalog.local", "org.apache.iceberg.spark.SparkCatalog")
        .config("spark.sql.catalog.local.type", "hadoop")
        .config("spark.sql.catalog.local.warehouse", "file:///tmp/iceberg-warehouse")
        .getOrCreate()
    )
