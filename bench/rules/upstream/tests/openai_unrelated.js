// The same names from another package.
import OpenAI from "openai";
import { Configuration } from "@azure/msal-node";

const openai = new OpenAI();
// ok: openai--configuration-removed
const msal = new Configuration({ auth: { clientId: "x" } });
