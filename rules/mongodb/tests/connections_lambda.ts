// AWS Lambda and Next.js route handlers.
import { MongoClient } from "mongodb";
import type { APIGatewayProxyEvent, Context } from "aws-lambda";

// ok: mongo-client-per-request
const client = new MongoClient(process.env.MONGODB_URI!);

export const handler = async (event: APIGatewayProxyEvent) => {
  // expect: mongo-client-per-request
  const perCall = new MongoClient(process.env.MONGODB_URI!);
  const doc = await perCall.db("app").collection("events").findOne({ id: event.pathParameters?.id });
  return { statusCode: 200, body: JSON.stringify(doc) };
};

export async function processRecord(event: APIGatewayProxyEvent, context: Context) {
  // expect: mongo-client-per-request
  const c: MongoClient = new MongoClient(process.env.MONGODB_URI!);
  await c.db("app").collection("events").insertOne({ body: event.body, id: context.awsRequestId });
}

export async function GET(request: Request) {
  // expect: mongo-client-per-request
  const c = new MongoClient(process.env.MONGODB_URI!);
  const items = await c.db("app").collection("items").find().toArray();
  return Response.json(items);
}

export async function reused(event: APIGatewayProxyEvent) {
  // ok: mongo-client-per-request
  return client.db("app").collection("events").findOne({ id: event.body });
}
