// AWS Lambda handler: the client lives outside the handler and is reused across invocations.
import { MongoClient, type Collection } from "mongodb";
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from "aws-lambda";

interface AuditEvent {
  orderId: string;
  kind: "created" | "paid" | "shipped";
  at: Date;
}

const client = new MongoClient(process.env.MONGODB_URI ?? "", { maxPoolSize: 5 });
const clientPromise = client.connect();

async function auditLog(): Promise<Collection<AuditEvent>> {
  const connected = await clientPromise;
  return connected.db("shop").collection<AuditEvent>("audit");
}

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const collection = await auditLog();
  if (event.httpMethod === "POST" && event.body) {
    const body = JSON.parse(event.body) as Omit<AuditEvent, "at">;
    await collection.insertOne({ ...body, at: new Date() });
    return { statusCode: 201, body: "" };
  }
  const orderId = event.queryStringParameters?.orderId;
  if (!orderId) {
    return { statusCode: 400, body: JSON.stringify({ error: "orderId is required" }) };
  }
  const events = await collection.find({ orderId }).sort({ at: 1 }).limit(100).toArray();
  const count = await collection.countDocuments({ orderId });
  return { statusCode: 200, body: JSON.stringify({ count, events }) };
};
