package com.example.shop;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/** Shards the shop collections (MongoDB 7.0+): run once against a mongos. */
public final class ShardSetup {
    private ShardSetup() {}

    public static void main(String[] args) {
        String uri = System.getenv().getOrDefault("MONGODB_URI", "mongodb://localhost:27017");
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase admin = client.getDatabase("admin");
            MongoDatabase shop = client.getDatabase("shop");

            shop.getCollection("orders").createIndex(Indexes.ascending("customerId", "createdAt"));
            admin.runCommand(new Document("shardCollection", "shop.orders")
                    .append("key", new Document("customerId", 1).append("createdAt", 1)));

            admin.runCommand(new Document("shardCollection", "shop.sessions")
                    .append("key", new Document("_id", "hashed")));

            admin.runCommand(new Document("shardCollection", "shop.events")
                    .append("key", new Document("deviceId", "hashed").append("ts", 1)));

            shop.getCollection("users").createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            admin.runCommand(new Document("shardCollection", "shop.users")
                    .append("key", new Document("email", 1))
                    .append("unique", true));

            admin.runCommand(new Document("reshardCollection", "shop.carts")
                    .append("key", new Document("customerId", "hashed")));
        }
    }
}
