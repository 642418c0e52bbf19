// `openai-edge` has the v3 method names; a file using it next to openai v4 types is left alone.
import { Configuration, OpenAIApi } from "openai-edge";
import OpenAI from "openai";

const config = new Configuration({ apiKey: process.env.OPENAI_API_KEY });
const edge = new OpenAIApi(config);

export async function POST(req) {
  const { messages } = await req.json();
  // ok: create-chat-completion-removed
  const response = await edge.createChatCompletion({ model: "gpt-4o-mini", stream: true, messages });
  // ok: create-embedding-removed
  const embedding = await edge.createEmbedding({ model: "text-embedding-3-small", input: "x" });
  return [response, embedding, OpenAI];
}
