// OpenAI client setup for the web service (openai-node v4).
import OpenAI, { AzureOpenAI } from "openai";

export interface ClientOptions {
  apiKey?: string;
  baseURL?: string;
  azureEndpoint?: string;
  azureApiVersion?: string;
}

export function createClient(options: ClientOptions = {}): OpenAI {
  if (options.azureEndpoint) {
    return new AzureOpenAI({
      endpoint: options.azureEndpoint,
      apiVersion: options.azureApiVersion ?? "2024-06-01",
      apiKey: process.env.AZURE_OPENAI_API_KEY,
    });
  }
  return new OpenAI({
    apiKey: options.apiKey ?? process.env.OPENAI_API_KEY,
    baseURL: options.baseURL,
    maxRetries: 3,
    timeout: 30 * 1000,
  });
}

export const openai = createClient({
  azureEndpoint: process.env.AZURE_OPENAI_ENDPOINT,
  baseURL: process.env.OPENAI_BASE_URL,
});
