// File storage and geo search with the MongoDB Node.js driver 6: GridFSBucket instead of
// GridStore, a $geoNear pipeline instead of the old geoNear helper, $group instead of
// collection.group().
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { GridFSBucket, MongoClient, ObjectId, type Db } from "mongodb";

export async function uploadFile(db: Db, path: string, filename: string): Promise<ObjectId> {
  const bucket = new GridFSBucket(db, { bucketName: "media" });
  const upload = bucket.openUploadStream(filename, { metadata: { source: path } });
  await pipeline(createReadStream(path), upload);
  return upload.id;
}

export async function downloadFile(db: Db, filename: string, target: string): Promise<void> {
  const bucket = new GridFSBucket(db, { bucketName: "media" });
  await pipeline(bucket.openDownloadStreamByName(filename), createWriteStream(target));
}

export async function deleteFile(db: Db, id: ObjectId): Promise<void> {
  const bucket = new GridFSBucket(db, { bucketName: "media" });
  await bucket.delete(id);
}

export async function listFiles(db: Db, prefix: string) {
  const bucket = new GridFSBucket(db, { bucketName: "media" });
  return bucket.find({ filename: { $regex: `^${prefix}` } }).sort({ uploadDate: -1 }).toArray();
}

export async function nearbyStores(db: Db, lng: number, lat: number, maxMeters = 2000) {
  return db
    .collection("stores")
    .aggregate([
      {
        $geoNear: {
          near: { type: "Point", coordinates: [lng, lat] },
          distanceField: "distance",
          maxDistance: maxMeters,
          spherical: true,
        },
      },
      { $limit: 10 },
    ])
    .toArray();
}

export async function ordersByStatus(db: Db) {
  return db
    .collection("orders")
    .aggregate<{ _id: string; n: number }>([
      { $match: { archived: { $ne: true } } },
      { $group: { _id: "$status", n: { $sum: 1 } } },
      { $sort: { n: -1 } },
    ])
    .toArray();
}

export async function withClient<T>(uri: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const client = new MongoClient(uri);
  await client.connect();
  try {
    return await fn(client.db());
  } finally {
    await client.close();
  }
}
