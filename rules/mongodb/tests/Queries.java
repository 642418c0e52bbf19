// Java driver: query anti-patterns.
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;

class Queries {
    void run(MongoDatabase db, MongoCollection<Document> orders, int page, int pageSize) {
        // expect: where-operator-deprecated
        orders.find(Filters.where("this.shipped > this.ordered"));
        // expect: where-operator-deprecated
        orders.find(new Document("$where", "this.qty > 10"));
        // ok: where-operator-deprecated
        orders.find(Filters.expr(new Document("$gt", List.of("$shipped", "$ordered"))));

        // expect: js-function-operator-deprecated
        orders.aggregate(List.of(Aggregates.group("$author", Accumulators.accumulator("avg", "function() {}", "function(s) {}", "function(a, b) {}"))));
        // ok: js-function-operator-deprecated
        orders.aggregate(List.of(Aggregates.group("$author", Accumulators.avg("avg", "$copies"))));

        // expect: map-reduce-deprecated
        db.runCommand(new Document("mapReduce", "orders").append("map", "function() {}").append("reduce", "function() {}").append("out", "totals"));
        // ok: map-reduce-deprecated
        orders.insertOne(new Document("mapReduce", "not a command, a field"));

        // expect: regex-case-insensitive
        orders.find(Filters.regex("customer", "smith", "i"));
        // expect: regex-case-insensitive
        orders.find(Filters.regex("customer", Pattern.compile("^smith$", Pattern.CASE_INSENSITIVE)));
        // ok: regex-case-insensitive
        orders.find(Filters.regex("customer", "^Smith"));
        // The pattern itself may contain an "i": only the options argument counts.
        // ok: regex-case-insensitive
        orders.find(Filters.regex("customer", "smith"));
        // ok: regex-case-insensitive
        orders.find(Filters.regex("customer", "smith", "m"));

        // expect: skip-deep-pagination
        orders.find().sort(new Document("_id", 1)).skip((page - 1) * pageSize).limit(pageSize);
        // expect: skip-deep-pagination
        orders.aggregate(List.of(Aggregates.skip(page * pageSize), Aggregates.limit(pageSize)));
        // ok: skip-deep-pagination
        List.of(1, 2, 3).stream().skip((page - 1) * pageSize).toList();
        // ok: skip-deep-pagination
        orders.find().skip(20).limit(20);
    }
}
