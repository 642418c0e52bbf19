// Model ids OpenAI has shut down, in the Node SDK.
import OpenAI from "openai";

const openai = new OpenAI();

// expect: retired-model
const text = await openai.completions.create({ model: "text-davinci-003", prompt: "Say hi" });
// expect: retired-model
const edit = await openai.chat.completions.create({ "model": 'text-davinci-edit-001', messages: [] });
// expect: retired-model
const vision = await openai.chat.completions.create({ messages: [], model: `gpt-4-vision-preview` });

// ok: retired-model
const reply = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [] });
// ok: retired-model
const instruct = await openai.completions.create({ model: "gpt-3.5-turbo-instruct", prompt: "Hi" });
// Not a request object passed to a call.
// ok: retired-model
const painter = { name: "Leonardo", model: "davinci" };
// ok: retired-model
const car = { model: "ada" };
