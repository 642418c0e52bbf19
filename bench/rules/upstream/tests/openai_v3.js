// Cases of the openai rules in the benchmark pack: openai v3 (`OpenAIApi`) code.
const { Configuration, OpenAIApi } = require("openai");

// expect: openai--configuration-removed
const configuration = new Configuration({ apiKey: process.env.OPENAI_API_KEY });
const openai = new OpenAIApi(configuration);
// The inner Configuration is part of the OpenAIApi call, which another rule reports.
// ok: openai--configuration-removed
const other = new OpenAIApi(new Configuration({ apiKey: process.env.OTHER_KEY }));
