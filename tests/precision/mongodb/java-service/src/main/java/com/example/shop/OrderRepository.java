package com.example.shop;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Collation;
import com.mongodb.client.model.CollationStrength;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Orders data access over a shared MongoCollection (the MongoClient is created once). */
public final class OrderRepository {
    private static final int PAGE_SIZE = 20;
    private static final Collation CASE_INSENSITIVE =
            Collation.builder().locale("en").collationStrength(CollationStrength.SECONDARY).build();

    private final MongoCollection<Document> orders;

    public OrderRepository(MongoCollection<Document> orders) {
        this.orders = orders;
    }

    public ObjectId create(String customerId, double total) {
        Document doc = new Document("customerId", customerId)
                .append("total", total)
                .append("status", "pending")
                .append("createdAt", Date.from(Instant.now()));
        orders.insertOne(doc);
        return doc.getObjectId("_id");
    }

    /** Range pagination: the caller passes the last id it saw. */
    public List<Document> page(String status, ObjectId after) {
        var filter = after == null ? eq("status", status) : and(eq("status", status), gt("_id", after));
        return orders.find(filter).sort(Sorts.ascending("_id")).limit(PAGE_SIZE).into(new ArrayList<>());
    }

    public List<Document> bySkuPrefix(String prefix) {
        return orders.find(Filters.regex("sku", Pattern.compile("^" + Pattern.quote(prefix))))
                .limit(PAGE_SIZE)
                .into(new ArrayList<>());
    }

    public List<Document> byCustomerName(String name) {
        return orders.find(eq("customerName", name)).collation(CASE_INSENSITIVE).limit(PAGE_SIZE).into(new ArrayList<>());
    }

    public long countByStatus(String status) {
        return orders.countDocuments(eq("status", status));
    }

    public long total() {
        return orders.estimatedDocumentCount();
    }

    public List<Document> topCustomers() {
        return orders.aggregate(List.of(
                Aggregates.match(eq("status", "paid")),
                Aggregates.group("$customerId", Accumulators.sum("revenue", "$total")),
                Aggregates.sort(Sorts.descending("revenue")),
                Aggregates.limit(10)))
                .into(new ArrayList<>());
    }

    public long markShipped(ObjectId id) {
        return orders.updateOne(and(eq("_id", id), eq("status", "paid")),
                Updates.combine(Updates.set("status", "shipped"), Updates.currentDate("shippedAt")))
                .getModifiedCount();
    }

    public List<Document> late() {
        return orders.find(Filters.expr(new Document("$gt", List.of("$shippedAt", "$promisedAt"))))
                .into(new ArrayList<>());
    }
}
