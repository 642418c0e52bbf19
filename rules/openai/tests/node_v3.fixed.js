// openai v3 (`OpenAIApi`) code in a project that depends on openai v4.
const { Configuration, OpenAIApi } = require("openai");
const fs = require("fs");

// expect: configuration-removed
const configuration = new Configuration({ apiKey: process.env.OPENAI_API_KEY });
// expect: openai-api-removed
const openai = new OpenAIApi(configuration);
// One finding for the pair: the inner Configuration is part of the same call.
// expect: openai-api-removed
const other = new OpenAIApi(new Configuration({ apiKey: process.env.OTHER_KEY }));

async function chat(messages) {
  // expect: create-chat-completion-removed
  const response = await openai.chat.completions.create({ model: "gpt-4o-mini", messages });
  return response.data.choices[0].message.content;
}

async function streamChat(messages) {
  // expect: create-chat-completion-removed
  const response = await openai.chat.completions.create(
    { model: "gpt-4o-mini", messages, stream: true },
    { responseType: "stream" },
  );
  return response.data;
}

async function complete(prompt) {
  // expect: create-completion-removed
  const response = await openai.completions.create({ model: "gpt-3.5-turbo-instruct", prompt, max_tokens: 64 });
  return response.data.choices[0].text;
}

async function embed(input) {
  // expect: create-embedding-removed
  const response = await openai.embeddings.create({ model: "text-embedding-3-small", input });
  return response.data.data[0].embedding;
}

async function draw(prompt) {
  // expect: create-image-removed
  const response = await openai.images.generate({ prompt, n: 1, size: "512x512" });
  return response.data.data[0].url;
}

async function moderate(input) {
  // expect: v3-method-removed
  const response = await openai.createModeration({ input });
  return response.data.results[0].flagged;
}

async function transcribe(path) {
  // expect: v3-method-removed
  const response = await openai.createTranscription(fs.createReadStream(path), "whisper-1");
  return response.data.text;
}

module.exports = { chat, streamChat, complete, embed, draw, moderate, transcribe, other };
