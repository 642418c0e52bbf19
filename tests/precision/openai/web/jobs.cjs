// Batch jobs (CommonJS): uploads, fine-tuning, embeddings backfill (openai-node v4).
const fs = require("node:fs");
const path = require("node:path");
const OpenAI = require("openai");
const axios = require("axios");

const openai = new OpenAI({ maxRetries: 5 });

async function uploadTrainingFile(file) {
  const uploaded = await openai.files.create({
    file: fs.createReadStream(file),
    purpose: "fine-tune",
  });
  console.log(`uploaded ${path.basename(file)} as ${uploaded.id}`);
  return uploaded.id;
}

async function fineTune(trainingFile) {
  let job = await openai.fineTuning.jobs.create({
    model: "gpt-4o-mini-2024-07-18",
    training_file: trainingFile,
  });
  while (["validating_files", "queued", "running"].includes(job.status)) {
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    job = await openai.fineTuning.jobs.retrieve(job.id);
  }
  const events = await openai.fineTuning.jobs.listEvents(job.id, { limit: 5 });
  for (const event of events.data) {
    console.log(event.created_at, event.message);
  }
  return job.fine_tuned_model;
}

async function backfillEmbeddings(rows) {
  const batches = [];
  for (let i = 0; i < rows.length; i += 100) {
    batches.push(rows.slice(i, i + 100));
  }
  const vectors = [];
  for (const batch of batches) {
    const response = await openai.embeddings.create({
      model: "text-embedding-3-small",
      input: batch.map((row) => row.text),
    });
    vectors.push(...response.data.map((item) => item.embedding));
  }
  return vectors;
}

async function compareWithLegacyService(prompt) {
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: prompt }],
  });
  // The legacy service is called over HTTP with axios: its body is under `.data`.
  const res = await axios.post(process.env.LEGACY_URL, { prompt });
  return {
    sdk: completion.choices[0].message.content,
    legacy: res.data.choices[0].text,
  };
}

async function listModels() {
  const ids = [];
  for await (const model of openai.models.list()) {
    ids.push(model.id);
  }
  return ids.sort();
}

async function main() {
  try {
    const fileId = await uploadTrainingFile(process.argv[2]);
    console.log(await fineTune(fileId));
    console.log((await listModels()).join("\n"));
  } catch (error) {
    if (error instanceof OpenAI.APIConnectionError) {
      console.error("cannot reach OpenAI", error.cause);
    } else if (error instanceof OpenAI.APIError) {
      console.error(`OpenAI ${error.status}: ${error.message}`);
    } else {
      throw error;
    }
    process.exitCode = 1;
  }
}

module.exports = { backfillEmbeddings, compareWithLegacyService, main };
