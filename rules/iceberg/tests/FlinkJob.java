package com.example.lake;

import org.apache.iceberg.Table;
import org.apache.iceberg.flink.actions.Actions;

public class FlinkJob {
  void compact(Table table) {
    // Flink's Actions class still exists.
    // ok: spark-actions-fortable-removed
    Actions.forTable(table).rewriteDataFiles().execute();
  }
}
