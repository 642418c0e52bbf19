// Chat, streaming, embeddings, images and moderation helpers (openai-node v4).
import OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { openai } from "./openai-client.js";

const CHAT_MODEL = process.env.CHAT_MODEL ?? "gpt-4o-mini";
const EMBEDDING_MODEL = "text-embedding-3-small";

export class ChatError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
  }
}

export async function reply(messages: ChatCompletionMessageParam[]): Promise<string> {
  try {
    const completion = await openai.chat.completions.create({
      model: CHAT_MODEL,
      messages,
      temperature: 0.2,
    });
    const choice = completion.choices[0];
    if (choice.finish_reason === "length") {
      console.warn(`truncated after ${completion.usage?.completion_tokens} tokens`);
    }
    return choice.message.content ?? "";
  } catch (error) {
    if (error instanceof OpenAI.RateLimitError) {
      throw new ChatError("Too many requests, try again shortly", 429);
    }
    if (error instanceof OpenAI.APIError) {
      throw new ChatError(`OpenAI error: ${error.message}`, error.status);
    }
    throw error;
  }
}

export async function* streamReply(messages: ChatCompletionMessageParam[]): AsyncGenerator<string> {
  const stream = await openai.chat.completions.create({
    model: CHAT_MODEL,
    messages,
    stream: true,
  });
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta?.content;
    if (delta) {
      yield delta;
    }
  }
}

export async function replyWithRequestId(messages: ChatCompletionMessageParam[]) {
  const { data, response } = await openai.chat.completions
    .create({ model: CHAT_MODEL, messages })
    .withResponse();
  return { text: data.choices[0].message.content, requestId: response.headers.get("x-request-id") };
}

export async function embed(texts: string[]): Promise<number[][]> {
  const result = await openai.embeddings.create({ model: EMBEDDING_MODEL, input: texts });
  return result.data.sort((a, b) => a.index - b.index).map((item) => item.embedding);
}

export async function illustrate(prompt: string): Promise<string | undefined> {
  const image = await openai.images.generate({ model: "dall-e-3", prompt, size: "1024x1024" });
  return image.data[0].url;
}

export async function isAllowed(input: string): Promise<boolean> {
  const moderation = await openai.moderations.create({ model: "omni-moderation-latest", input });
  return !moderation.results[0].flagged;
}

export async function summarize(text: string): Promise<string> {
  const messages: ChatCompletionMessageParam[] = [
    { role: "system", content: "Summarize in two sentences." },
    { role: "user", content: text },
  ];
  const completion = await openai.chat.completions.create({ model: CHAT_MODEL, messages });
  const usage = completion.usage;
  console.info(`summary used ${usage?.total_tokens ?? 0} tokens`);
  return completion.choices[0].message.content ?? "";
}
