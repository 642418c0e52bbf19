// A minimal HTTP endpoint in front of the chat helpers.
import { createServer, type IncomingMessage } from "node:http";
import { ChatError, embed, isAllowed, reply, streamReply } from "./chat.js";

async function readJson(request: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
}

const server = createServer(async (request, response) => {
  try {
    const body = await readJson(request);
    if (request.url === "/chat") {
      if (!(await isAllowed(body.message))) {
        response.writeHead(400).end(JSON.stringify({ error: "message rejected" }));
        return;
      }
      const text = await reply([{ role: "user", content: body.message }]);
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ text }));
    } else if (request.url === "/stream") {
      response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      for await (const token of streamReply([{ role: "user", content: body.message }])) {
        response.write(token);
      }
      response.end();
    } else if (request.url === "/embed") {
      const vectors = await embed(body.texts ?? []);
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ data: vectors }));
    } else {
      response.writeHead(404).end();
    }
  } catch (error) {
    const status = error instanceof ChatError ? error.status ?? 502 : 500;
    response.writeHead(status).end(JSON.stringify({ error: String(error) }));
  }
});

server.listen(Number(process.env.PORT ?? 8080));
