// Same names from other packages or the project's own code, in files that use openai v4.
import OpenAI from "openai";
import { Configuration } from "@azure/msal-node";
import { OpenAIApi as LocalApi } from "./legacy-shim";

const openai = new OpenAI();
// ok: configuration-removed
const msal = new Configuration({ auth: { clientId: "x" } });
// ok: openai-api-removed
const shim = new LocalApi({});

class Settings {}
// ok: configuration-removed
const settings = new Settings();

// A wrapper of the project's own with the v3 names but another argument shape.
const service = {
  createChatCompletion: (messages) => openai.chat.completions.create({ model: "gpt-4o-mini", messages }),
  createCompletion: (text) => openai.completions.create({ model: "gpt-3.5-turbo-instruct", prompt: text }),
  createEmbedding: (text) => openai.embeddings.create({ model: "text-embedding-3-small", input: text }),
  createImage: (text) => openai.images.generate({ model: "dall-e-3", prompt: text }),
};
// ok: create-chat-completion-removed
await service.createChatCompletion([{ role: "user", content: "Hi" }]);
// ok: create-completion-removed
await service.createCompletion("Hi");
// ok: create-embedding-removed
await service.createEmbedding("Hi");
// ok: create-image-removed
await service.createImage("a fox");
// ok: v3-method-removed
await speech.createTranscription({ audio: "x" });
// ok: v3-method-removed
await moderationQueue.createModeration(post.id);
