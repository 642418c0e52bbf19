// Model ids OpenAI has shut down, in TypeScript.
import OpenAI from "openai";

const client = new OpenAI();

export async function embed(input: string): Promise<number[]> {
  // expect: retired-model
  const result = await client.embeddings.create({ model: "text-similarity-babbage-001", input });
  // ok: retired-model
  const current = await client.embeddings.create({ model: "text-embedding-3-large", input });
  return [...result.data[0].embedding, ...current.data[0].embedding];
}
