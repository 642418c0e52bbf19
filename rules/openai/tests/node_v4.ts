// Correct openai v4 code: nothing to report.
import OpenAI from "openai";
import axios from "axios";

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function chat(prompt: string) {
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: prompt }],
  });
  // ok: response-data-removed
  return completion.choices[0].message.content;
}

export async function chatWithHeaders(prompt: string) {
  // `.withResponse()` gives `{ data, response }`: `.data` is right here.
  const result = await openai.chat.completions
    .create({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] })
    .withResponse();
  // ok: response-data-removed
  return result.data.choices[0];
}

export async function embed(input: string) {
  const embedding = await openai.embeddings.create({ model: "text-embedding-3-small", input });
  // ok: response-data-removed
  return embedding.data[0].embedding;
}

export async function viaHttp(prompt: string) {
  const reply = await axios.post("http://localhost:8080/v1/chat/completions", { prompt });
  // ok: response-data-removed
  return reply.data.choices[0];
}

export async function legacy(prompt: string) {
  const completion = await openai.completions.create({ model: "gpt-3.5-turbo-instruct", prompt });
  // expect: response-data-removed
  const text = completion.data.choices[0].text;
  const helper = (completion: { data: { choices: string[] } }) =>
    // ok: response-data-removed
    completion.data.choices[0];
  return [text, helper];
}

export async function halfMigrated(messages: OpenAI.ChatCompletionMessageParam[]) {
  let response = await openai.chat.completions.create({ model: "gpt-4o-mini", messages });
  // expect: response-data-removed
  console.log(response.data.usage);
  return response;
}

export async function reassigned(messages: OpenAI.ChatCompletionMessageParam[]) {
  let response = await openai.chat.completions.create({ model: "gpt-4o-mini", messages });
  response = await axios.get("http://localhost/cached");
  // ok: response-data-removed
  return response.data.choices;
}
