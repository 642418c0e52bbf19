package com.example.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.days;

import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.ExpireSnapshots;
import org.apache.iceberg.actions.RewriteDataFiles;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Spark jobs writing and maintaining Iceberg tables. */
public final class SparkJobs {
  private static final String ORDERS_DDL =
      "CREATE TABLE IF NOT EXISTS lake.analytics.orders ("
          + "order_id bigint, customer_id bigint, amount decimal(12, 2), created_at timestamp) "
          + "USING iceberg "
          + "PARTITIONED BY (months(created_at), bucket(32, customer_id)) "
          + "TBLPROPERTIES ('format-version'='2')";

  private final SparkSession spark;

  public SparkJobs(SparkSession spark) {
    this.spark = spark;
  }

  public static SparkSession session(String warehouse) {
    return SparkSession.builder()
        .appName("lake-jobs")
        .config(
            "spark.sql.extensions",
            "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
        .config("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog")
        .config("spark.sql.catalog.lake.type", "rest")
        .config("spark.sql.catalog.lake.uri", "http://catalog:8181")
        .config("spark.sql.catalog.lake.warehouse", warehouse)
        .getOrCreate();
  }

  public void createTables() {
    spark.sql(ORDERS_DDL);
    spark.sql("ALTER TABLE lake.analytics.orders WRITE ORDERED BY created_at");
  }

  public void appendOrders(Dataset<Row> orders) throws Exception {
    orders.writeTo("lake.analytics.orders").append();
  }

  public void replaceDay(Dataset<Row> events, String day) throws Exception {
    events.writeTo("lake.analytics.events").overwrite(col("event_date").equalTo(day));
  }

  public void createSummary(Dataset<Row> events) throws Exception {
    events
        .groupBy("event_type")
        .count()
        .writeTo("lake.analytics.event_type_counts")
        .using("iceberg")
        .createOrReplace();
  }

  public void createDaily(Dataset<Row> events) throws Exception {
    events.writeTo("lake.analytics.events_copy").partitionedBy(days(col("event_ts"))).create();
  }

  public void exportParquet(Dataset<Row> df, String path) {
    df.write().format("parquet").mode("overwrite").save(path);
  }

  public void compact(String tableName) throws Exception {
    Table table = Spark3Util.loadIcebergTable(spark, tableName);
    RewriteDataFiles.Result result =
        SparkActions.get(spark)
            .rewriteDataFiles(table)
            .option("target-file-size-bytes", Long.toString(512L * 1024 * 1024))
            .option("partial-progress.enabled", "true")
            .execute();
    System.out.printf(
        "rewrote %d files into %d%n",
        result.rewrittenDataFilesCount(), result.addedDataFilesCount());
  }

  public void expire(String tableName, int days) throws Exception {
    Table table = Spark3Util.loadIcebergTable(spark, tableName);
    long olderThan = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(days);
    ExpireSnapshots.Result result =
        SparkActions.get(spark)
            .expireSnapshots(table)
            .expireOlderThan(olderThan)
            .retainLast(20)
            .execute();
    System.out.println("deleted data files: " + result.deletedDataFilesCount());
    SparkActions.get(spark).deleteOrphanFiles(table).olderThan(olderThan).execute();
    SparkActions.get(spark).rewriteManifests(table).execute();
  }

  public long count(TableIdentifier id) {
    return spark.table("lake." + id.toString()).count();
  }
}
