package com.example.lake;

import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;

/** Table definitions for the analytics lake, created through a REST catalog. */
public final class Tables {
  static final Schema EVENTS =
      new Schema(
          Types.NestedField.required(1, "event_id", Types.StringType.get()),
          Types.NestedField.optional(2, "user_id", Types.LongType.get()),
          Types.NestedField.optional(3, "event_type", Types.StringType.get()),
          Types.NestedField.required(4, "event_ts", Types.TimestampType.withZone()),
          Types.NestedField.optional(5, "payload", Types.StringType.get()));

  static final Schema LOGS =
      new Schema(
          Types.NestedField.required(1, "event_time", Types.TimestampType.withZone()),
          Types.NestedField.optional(2, "level", Types.StringType.get()),
          Types.NestedField.optional(3, "message", Types.StringType.get()));

  private Tables() {}

  static Catalog restCatalog(String uri, String warehouse) {
    RESTCatalog catalog = new RESTCatalog();
    catalog.initialize(
        "lake",
        Map.of(
            "uri", uri,
            "warehouse", warehouse,
            "io-impl", "org.apache.iceberg.aws.s3.S3FileIO"));
    return catalog;
  }

  static PartitionSpec eventsSpec() {
    return PartitionSpec.builderFor(EVENTS)
        .day("event_ts")
        .identity("event_type")
        .bucket("user_id", 16)
        .build();
  }

  static PartitionSpec logsSpec() {
    // The Iceberg quickstart's example: hour of the event time and the log level.
    return PartitionSpec.builderFor(LOGS).hour("event_time").identity("level").build();
  }

  static Table createEvents(Catalog catalog) {
    if (catalog instanceof SupportsNamespaces namespaces
        && !namespaces.namespaceExists(Namespace.of("analytics"))) {
      namespaces.createNamespace(Namespace.of("analytics"));
    }
    TableIdentifier id = TableIdentifier.of("analytics", "events");
    if (catalog.tableExists(id)) {
      return catalog.loadTable(id);
    }
    return catalog
        .buildTable(id, EVENTS)
        .withPartitionSpec(eventsSpec())
        .withSortOrder(SortOrder.builderFor(EVENTS).asc("event_ts").build())
        .withProperty(TableProperties.FORMAT_VERSION, "2")
        .withProperty(TableProperties.WRITE_TARGET_FILE_SIZE_BYTES, Long.toString(512L << 20))
        .create();
  }

  static void evolve(Table table) {
    table.updateSpec().addField("event_type").commit();
    table
        .updateSchema()
        .addColumn("country", Types.StringType.get(), "ISO 3166-1 alpha-2")
        .commit();
    table.updateProperties().set(TableProperties.DELETE_MODE, "merge-on-read").commit();
  }
}
