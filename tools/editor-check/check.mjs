// Drives yaml-language-server over stdio as an editor does: opens each document, collects the diagnostics the server
// publishes for it, and asks for completions where a job says. Reads the jobs as JSON on standard input:
//   [{ "path": "/abs/report.yaml", "text": "…" (optional: else the file's own), "completeAt": [{"line": 0, "character": 0}] }]
// and prints, as JSON on standard output, for each job:
//   { "path", "diagnostics": [{ "line", "character", "endLine", "endCharacter", "severity", "message" }],
//     "completions": [[{ "label", "insertText" }]] }
// Lines and characters count from 0, as LSP does. Uses no network: schemas are named by the documents' modelines as
// files. Settings are VS Code's YAML extension's defaults (YAML 1.2, validation, completion, hover).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const server = join(here, "node_modules", "yaml-language-server", "bin", "yaml-language-server");
const jobs = JSON.parse(readFileSync(0, "utf8"));

const child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
let buffer = Buffer.alloc(0);
let nextId = 1;
const pending = new Map();
const diagnostics = new Map();
const waiters = new Map();

const settings = {
  yaml: {
    validate: true, completion: true, hover: true, format: { enable: false }, yamlVersion: "1.2",
    schemas: {}, schemaStore: { enable: false }, disableDefaultProperties: false, keyOrdering: false,
  },
};

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
}

function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

function notify(method, params) {
  send({ method, params });
}

function handle(message) {
  if (message.id !== undefined && message.method === undefined) {
    const p = pending.get(message.id);
    if (p) {
      pending.delete(message.id);
      if (message.error) p.reject(new Error(message.error.message)); else p.resolve(message.result);
    }
    return;
  }

  if (message.method === "textDocument/publishDiagnostics") {
    diagnostics.set(message.params.uri, message.params.diagnostics);
    const wait = waiters.get(message.params.uri);
    if (wait) wait();
    return;
  }

  // Requests from the server: answer each as an editor with the defaults would.
  if (message.id !== undefined) {
    let result = null;
    if (message.method === "workspace/configuration") {
      result = message.params.items.map((item) => {
        let value = settings;
        for (const part of (item.section ?? "").split(".").filter((s) => s.length > 0)) value = value?.[part];
        return value ?? null;
      });
    }
    send({ id: message.id, result });
  }
}

child.stdout.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) return;
    const header = buffer.subarray(0, headerEnd).toString("ascii");
    const length = Number(/Content-Length: (\d+)/i.exec(header)[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8");
    buffer = buffer.subarray(headerEnd + 4 + length);
    handle(JSON.parse(body));
  }
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Diagnostics come once the schema is loaded; wait for a first publication, then until none has come for a while.
async function settled(uri) {
  let last = Date.now();
  let seen = diagnostics.has(uri);
  waiters.set(uri, () => { seen = true; last = Date.now(); });
  const started = Date.now();
  while ((!seen || Date.now() - last < 400) && Date.now() - started < 20000) await sleep(50);
  waiters.delete(uri);
}

await request("initialize", {
  processId: process.pid,
  rootUri: null,
  capabilities: {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
    textDocument: {
      publishDiagnostics: { relatedInformation: true },
      completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
      hover: { contentFormat: ["markdown", "plaintext"] },
    },
  },
  initializationOptions: {},
});
notify("initialized", {});
notify("workspace/didChangeConfiguration", { settings });

const results = [];
let version = 1;
for (const job of jobs) {
  const uri = pathToFileURL(job.path).href;
  const text = job.text ?? readFileSync(job.path, "utf8");
  diagnostics.delete(uri);
  notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: version++, text } });
  await settled(uri);
  const completions = [];
  for (const position of job.completeAt ?? []) {
    const list = await request("textDocument/completion", { textDocument: { uri }, position });
    const items = Array.isArray(list) ? list : list?.items ?? [];
    completions.push(items.map((i) => ({ label: i.label, insertText: i.textEdit?.newText ?? i.insertText ?? i.label })));
  }

  results.push({
    path: job.path,
    diagnostics: (diagnostics.get(uri) ?? []).map((d) => ({
      line: d.range.start.line, character: d.range.start.character, endLine: d.range.end.line, endCharacter: d.range.end.character,
      severity: d.severity, message: d.message,
    })),
    completions,
  });
  notify("textDocument/didClose", { textDocument: { uri } });
}

await request("shutdown", null);
notify("exit", null);
process.stdout.write(JSON.stringify(results, null, 1) + "\n");
setTimeout(() => process.exit(0), 200);
