// Dexie (IndexedDB) in a classic browser script: `db.friends` is a table, not a collection.
const db = new Dexie("FriendDatabase");
db.version(1).stores({ friends: "++id,name,age" });
// ok: collection-count-deprecated
db.friends.count().then((n) => console.log(n));
