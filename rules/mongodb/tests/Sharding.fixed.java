// Java driver: the shardCollection command as a Document.
import com.mongodb.BasicDBObject;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

class Sharding {
    void shard(MongoDatabase admin) {
        // expect: enable-sharding-not-required
        admin.runCommand(new Document("enableSharding", "shop"));
        // ok: enable-sharding-not-required
        admin.runCommand(new Document("enableSharding", "shop").append("primaryShard", "rs1"));

        // expect: shard-key-monotonic
        admin.runCommand(new Document("shardCollection", "shop.orders").append("key", new Document("_id", "hashed")));
        admin.runCommand(new Document("shardCollection", "shop.events")
                // expect: shard-key-monotonic
                .append("key", new Document("createdAt", "hashed"))
                // expect: shard-collection-num-initial-chunks
                .append("numInitialChunks", 4));
        Document cmd = new Document("shardCollection", "iot.readings");
        // expect: shard-key-monotonic
        cmd.append("key", new Document("ts", "hashed"));
        admin.runCommand(cmd);
        // expect: shard-key-monotonic
        admin.command(new BasicDBObject("shardCollection", "audit.log").append("key", new BasicDBObject("timestamp", "hashed")));

        // ok: shard-key-monotonic
        admin.runCommand(new Document("shardCollection", "shop.orders").append("key", new Document("_id", "hashed")));
        // ok: shard-key-monotonic, shard-key-low-cardinality
        admin.runCommand(new Document("shardCollection", "app.users").append("key", new Document("userId", 1)));
        // A "key" in another command (an index spec) is not a shard key.
        // ok: shard-key-monotonic
        admin.runCommand(new Document("createIndexes", "orders").append("indexes", java.util.List.of(new Document("name", "ts_1").append("key", new Document("ts", 1)))));

        // Compound keys: the first field decides.
        admin.runCommand(new Document("shardCollection", "iot.readings")
                // expect: shard-key-monotonic-prefix
                .append("key", new Document("ts", 1).append("deviceId", 1)));
        admin.runCommand(new Document("shardCollection", "iot.readings")
                // ok: shard-key-monotonic-prefix, shard-key-monotonic
                .append("key", new Document("deviceId", 1).append("ts", 1)));

        // expect: shard-key-low-cardinality
        admin.runCommand(new Document("shardCollection", "app.users").append("key", new Document("status", 1)));
        // ok: shard-key-low-cardinality
        admin.runCommand(new Document("shardCollection", "app.users").append("key", new Document("status", 1).append("userId", 1)));

        admin.runCommand(new Document("shardCollection", "app.users")
                // expect: shard-key-hashed-unique
                .append("key", new Document("email", "hashed"))
                .append("unique", true));
        admin.runCommand(new Document("shardCollection", "app.users")
                // ok: shard-key-hashed-unique
                .append("key", new Document("email", 1))
                .append("unique", true));
        // ok: shard-collection-num-initial-chunks
        admin.runCommand(new Document("reshardCollection", "app.events").append("key", new Document("deviceId", "hashed")).append("numInitialChunks", 8));
    }
}
