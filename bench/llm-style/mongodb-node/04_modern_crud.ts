// mongodb@6.10.0
// A typed repository for users: create, find by email, update, delete.
import { MongoClient, ObjectId, type Collection } from "mongodb";

interface User {
  _id?: ObjectId;
  email: string;
  name: string;
  createdAt: Date;
}

const client = new MongoClient(process.env.MONGODB_URI ?? "mongodb://localhost:27017");

export class UserRepository {
  private readonly users: Collection<User>;

  constructor() {
    this.users = client.db("app").collection<User>("users");
  }

  async create(email: string, name: string): Promise<ObjectId> {
    const { insertedId } = await this.users.insertOne({ email, name, createdAt: new Date() });
    return insertedId;
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ email }, { projection: { email: 1, name: 1 } });
  }

  async rename(id: ObjectId, name: string): Promise<User | null> {
    return this.users.findOneAndUpdate({ _id: id }, { $set: { name } }, { returnDocument: "after" });
  }

  async remove(id: ObjectId): Promise<boolean> {
    const { deletedCount } = await this.users.deleteOne({ _id: id });
    return deletedCount === 1;
  }
}

export async function init(): Promise<void> {
  await client.connect();
  await client.db("app").collection("users").createIndex({ email: 1 }, { unique: true });
}
