// openai v3 through ES imports and an alias, in TypeScript.
import { Configuration as OpenAIConfig, OpenAIApi } from "openai";

// expect: configuration-removed
const config = new OpenAIConfig({ apiKey: process.env.OPENAI_API_KEY, basePath: "https://gateway/v1" });
// expect: openai-api-removed
export const api = new OpenAIApi(config);

export class ChatService {
  constructor(private readonly client: OpenAIApi) {}

  async reply(prompt: string): Promise<string | undefined> {
    // expect: create-chat-completion-removed
    const res = await this.client.createChatCompletion({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: prompt }],
    });
    return res.data.choices[0].message?.content;
  }

  // The class's own method of the same name is not the v3 API.
  async createChatCompletion(prompt: string) {
    return this.reply(prompt);
  }

  async run() {
    // ok: create-chat-completion-removed
    return this.createChatCompletion({ model: "gpt-4o-mini", messages: [] });
  }
}
