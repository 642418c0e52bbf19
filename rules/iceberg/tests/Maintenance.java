package com.example.lake;

import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.Actions;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

public class Maintenance {
  private final SparkSession spark;

  Maintenance(SparkSession spark) {
    this.spark = spark;
  }

  void compact(Table table) {
    // expect: spark-actions-fortable-removed
    Actions.forTable(spark, table).rewriteDataFiles().execute();
    // ok: spark-actions-fortable-removed
    SparkActions.get(spark).rewriteDataFiles(table).execute();
  }

  PartitionSpec specs(Schema schema) {
    // expect: partition-identity-timestamp
    PartitionSpec a = PartitionSpec.builderFor(schema).identity("event_ts").build();
    // expect: partition-identity-unique-id
    PartitionSpec b = PartitionSpec.builderFor(schema).identity("user_id").build();
    // ok: partition-identity-timestamp, partition-identity-unique-id
    PartitionSpec c = PartitionSpec.builderFor(schema).hour("event_ts").identity("level").bucket("user_id", 16).build();
    // expect: partition-redundant-time-transforms
    PartitionSpec d = PartitionSpec.builderFor(schema).year("ts").month("ts").day("ts").build();
    // expect: partition-redundant-time-transforms
    PartitionSpec e = PartitionSpec.builderFor(schema).day("ts").identity("level").hour("ts").build();
    // ok: partition-redundant-time-transforms
    PartitionSpec f = PartitionSpec.builderFor(schema).day("pickup_ts").month("dropoff_ts").build();
    return c;
  }

  void ddl() {
    // expect: partition-identity-timestamp
    spark.sql("CREATE TABLE prod.db.events (id bigint, ts timestamp) USING iceberg PARTITIONED BY (ts)");
    // expect: partition-redundant-time-transforms
    spark.sql("CREATE TABLE prod.db.logs (ts timestamp) USING iceberg PARTITIONED BY (months(ts), days(ts))");
    // expect: partition-bucket-argument-order
    spark.sql("CREATE TABLE prod.db.users (id bigint) USING iceberg PARTITIONED BY (bucket(id, 8))");
    // expect: partition-hive-style-date-columns
    spark.sql("CREATE TABLE prod.db.logs (ts timestamp, year int, month int) USING iceberg PARTITIONED BY (year, month)");
    // expect: partition-identity-timestamp
    spark.sql("""
        CREATE TABLE IF NOT EXISTS prod.db.audit (id bigint, changed_at timestamp)
        USING iceberg
        PARTITIONED BY (changed_at)
        """);
    // ok: partition-identity-timestamp, partition-redundant-time-transforms, partition-bucket-argument-order
    spark.sql("CREATE TABLE prod.db.events (id bigint, ts timestamp) USING iceberg PARTITIONED BY (bucket(16, id), days(ts))");
  }

  void write(Dataset<Row> df) {
    // expect: v1-dataframe-writer
    df.write().format("iceberg").mode("append").save("prod.db.events");
    // ok: v1-dataframe-writer
    df.writeTo("prod.db.events").append();
  }

  HadoopCatalog catalogs(Configuration conf) {
    // expect: hadoop-catalog-on-object-store
    HadoopCatalog s3 = new HadoopCatalog(conf, "s3a://bucket/warehouse");
    // ok: hadoop-catalog-on-object-store
    HadoopCatalog hdfs = new HadoopCatalog(conf, "hdfs://namenode:8020/warehouse");
    return hdfs;
  }
}
