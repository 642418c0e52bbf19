// Proxy that forwards raw HTTP to an OpenAI-compatible server with fetch/axios-style
// responses (`.data`), next to the SDK: the `.data` here is not an SDK result.
import OpenAI from "openai";

const openai = new OpenAI();

export async function forward(body) {
  const upstream = await fetch(`${process.env.UPSTREAM_URL}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const payload = { data: await upstream.json() };
  return payload.data.choices[0].message.content;
}

export async function viaSdk(body) {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", ...body });
  return completion.choices[0].message.content;
}

export const config = { model: "gpt-4o-mini", temperature: 0 };
