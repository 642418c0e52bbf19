// The upstream extension: finds a Python with `upstream` installed and runs
// `python -m upstream lsp` through vscode-languageclient.
import * as vscode from 'vscode';
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './backoff';
import { describe, Interpreter, selectInterpreter, serverCommand } from './interpreter';
import { probeMessage, probeServer } from './probe';
import { SERVER_KEYS, serverSettings } from './settings';

// The kernel languages of the notebooks the server checks (server/upstream/lsp/notebooks.py).
export const NOTEBOOK_CELL_LANGUAGES = ['python', 'javascript'];

export const LANGUAGES = [
  'python',
  'javascript',
  'javascriptreact',
  'typescript',
  'typescriptreact',
  'java',
  'go',
  'sql',
  'yaml',
  // Code blocks in documents (the server checks the blocks it knows the language of).
  'markdown',
  'mdx',
  'restructuredtext',
];
const SERVER_SCAN_COMMAND = 'upstream.scanWorkspace';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let stopping = false;
let restartTimer: NodeJS.Timeout | undefined;
const policy = new RestartPolicy();

// ---- the Python extension (ms-python.python), when installed -------------------------

interface PythonEnvironmentsApi {
  getActiveEnvironmentPath(resource?: vscode.Uri): { id: string; path: string };
  resolveEnvironment(env: { id: string; path: string } | string): Promise<
    { executable: { uri?: vscode.Uri } } | undefined
  >;
  onDidChangeActiveEnvironmentPath: vscode.Event<unknown>;
}
interface PythonExtensionApi {
  environments?: PythonEnvironmentsApi;
  settings?: { getExecutionDetails(resource?: vscode.Uri): { execCommand: string[] | undefined } };
}

async function pythonApi(): Promise<PythonExtensionApi | undefined> {
  const extension = vscode.extensions.getExtension<PythonExtensionApi>('ms-python.python');
  if (!extension) {
    return undefined;
  }
  try {
    return extension.isActive ? extension.exports : await extension.activate();
  } catch (error) {
    output.warn(`The Python extension did not activate: ${String(error)}`);
    return undefined;
  }
}

async function pythonExtensionInterpreter(resource?: vscode.Uri): Promise<string[] | undefined> {
  const api = await pythonApi();
  try {
    if (api?.environments) {
      const active = api.environments.getActiveEnvironmentPath(resource);
      const resolved = await api.environments.resolveEnvironment(active);
      const executable = resolved?.executable.uri?.fsPath;
      if (executable) {
        return [executable];
      }
    }
    return api?.settings?.getExecutionDetails(resource).execCommand;
  } catch (error) {
    output.warn(`Could not read the Python extension's environment: ${String(error)}`);
    return undefined;
  }
}

// ---- starting and stopping ------------------------------------------------------------

async function findInterpreter(): Promise<Interpreter> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return selectInterpreter({
    pythonExtension: await pythonExtensionInterpreter(folder?.uri),
    setting: vscode.workspace.getConfiguration('upstream', folder?.uri).get('interpreter'),
    workspaceFolder: folder?.uri.fsPath,
  });
}

function settingsFor(scope?: vscode.Uri) {
  const config = vscode.workspace.getConfiguration('upstream', scope);
  return serverSettings((key) => config.get(key));
}

async function start(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const interpreter = await findInterpreter();
  output.info(`Interpreter: ${describe(interpreter)}`);
  const probe = await probeServer(interpreter, folder?.uri.fsPath);
  const problem = probeMessage(probe, interpreter);
  if (problem) {
    output.error(problem.text);
    void showProblem(problem.text, problem.pip);
    return;
  }
  if (probe.kind === 'ok') {
    output.info(`upstream ${probe.version}`);
  }
  const { command, args } = serverCommand(interpreter);
  const serverOptions: ServerOptions = {
    command,
    args,
    options: { cwd: folder?.uri.fsPath, env: { ...process.env, PYTHONUNBUFFERED: '1' } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      // Jupyter notebooks' code cells: the server syncs whole notebooks (LSP 3.17 notebook
      // sync, its cells checked as one program) and publishes each cell's diagnostics.
      ...NOTEBOOK_CELL_LANGUAGES.map((language) => ({ notebook: '*', language })),
    ],
    outputChannel: output,
    traceOutputChannel: output,
    initializationOptions: settingsFor(folder?.uri),
    // A server that dies while initializing is handled by errorHandler.closed (restart with
    // backoff and one message), not by languageclient's own error toasts.
    initializationFailedHandler: (error) => {
      output.error(`Server initialization failed: ${String(error)}`);
      return false;
    },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        onServerClosed();
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
    middleware: {
      workspace: {
        // Serve the server's keys only (not `interpreter` or `trace`), validated.
        configuration: (params, _token, _next) =>
          params.items.map((item) => {
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            if (item.section === 'upstream') {
              return settingsFor(scope);
            }
            if (item.section?.startsWith('upstream.')) {
              const key = item.section.slice('upstream.'.length);
              const settings = settingsFor(scope) as unknown as Record<string, unknown>;
              return (SERVER_KEYS as readonly string[]).includes(key) ? settings[key] ?? null : null;
            }
            return item.section ? vscode.workspace.getConfiguration(undefined, scope).get(item.section) ?? null : null;
          }),
      },
    },
  };
  client = new LanguageClient('upstream', 'upstream', serverOptions, clientOptions);
  stopping = false;
  policy.started(Date.now());
  try {
    // Don't hold the start/stop queue forever on a server that never answers `initialize`.
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        output.warn('The upstream server has not finished initializing after 30 s.');
        resolve();
      }, 30000);
    });
    await Promise.race([client.start(), slow]).finally(() => clearTimeout(timer));
  } catch (error) {
    output.error(`The upstream server did not start: ${String(error)}`);
  }
}

async function stop(): Promise<void> {
  if (restartTimer) {
    clearTimeout(restartTimer);
    restartTimer = undefined;
  }
  const current = client;
  client = undefined;
  if (current) {
    stopping = true;
    try {
      await current.stop(2000);
    } catch (error) {
      output.warn(`Stopping the server: ${String(error)}`);
    }
    try {
      await current.dispose();
    } catch {
      // already disposed
    }
    stopping = false;
  }
}

// Starts and stops run one at a time (a settings change and a command can overlap).
let queue: Promise<void> = Promise.resolve();
function serialized(work: () => Promise<void>): Promise<void> {
  queue = queue.then(work, work);
  return queue;
}

export function restart(): Promise<void> {
  return serialized(async () => {
    policy.reset();
    await stop();
    await start();
  });
}

function onServerClosed(): void {
  if (stopping) {
    return;
  }
  const delay = policy.crashed(Date.now());
  if (delay === undefined) {
    const message = `The upstream server stopped ${policy.consecutiveCrashes - 1} times in a row; not restarting. See the output, then run "upstream: Restart Server".`;
    output.error(message);
    void vscode.window.showErrorMessage(message, 'Show Output', 'Restart').then((choice) => {
      if (choice === 'Show Output') {
        output.show();
      } else if (choice === 'Restart') {
        void restart();
      }
    });
    return;
  }
  const message = `The upstream server stopped unexpectedly; restarting in ${Math.round(delay / 1000)} s.`;
  output.warn(message);
  void vscode.window.showWarningMessage(message, 'Show Output').then((choice) => {
    if (choice === 'Show Output') {
      output.show();
    }
  });
  restartTimer = setTimeout(() => {
    restartTimer = undefined;
    void serialized(async () => {
      const old = client;
      client = undefined;
      if (old) {
        stopping = true;
        await old.dispose().catch(() => undefined);
        stopping = false;
      }
      await start();
    });
  }, delay);
}

async function showProblem(text: string, pip?: string): Promise<void> {
  const actions = pip ? ['Install in Terminal', 'Copy pip Command', 'Show Output'] : ['Show Output'];
  const choice = await vscode.window.showErrorMessage(text, ...actions);
  if (choice === 'Install in Terminal' && pip) {
    const terminal = vscode.window.createTerminal('upstream: install');
    terminal.show();
    terminal.sendText(pip);
  } else if (choice === 'Copy pip Command' && pip) {
    await vscode.env.clipboard.writeText(pip);
  } else if (choice === 'Show Output') {
    output.show();
  }
}

// ---- commands -------------------------------------------------------------------------

async function scanWorkspace(): Promise<void> {
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage('The upstream server is not running.', 'Show Output').then((c) => {
      if (c) {
        output.show();
      }
    });
    return;
  }
  const result = (await client.sendRequest(ExecuteCommandRequest.type, {
    command: SERVER_SCAN_COMMAND,
    arguments: [],
  })) as { files?: number; findings?: number } | null;
  void vscode.window.showInformationMessage(
    `upstream scanned ${result?.files ?? 0} files: ${result?.findings ?? 0} findings (see Problems).`,
  );
}

function docsTarget(diagnostic: vscode.Diagnostic): vscode.Uri | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null && 'target' in code ? code.target : undefined;
}

async function openRuleDocs(url?: unknown): Promise<void> {
  if (typeof url === 'string' && url) {
    await vscode.env.openExternal(vscode.Uri.parse(url));
    return;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open a file with an upstream finding first.');
    return;
  }
  const all = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === 'upstream' && docsTarget(d));
  const here = all.filter((d) => d.range.contains(editor.selection.active));
  const candidates = here.length > 0 ? here : all;
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage('No upstream finding in this file.');
    return;
  }
  let chosen = candidates[0];
  if (candidates.length > 1) {
    const pick = await vscode.window.showQuickPick(
      candidates.map((d) => ({
        label: String(typeof d.code === 'object' ? d.code.value : d.code),
        description: `line ${d.range.start.line + 1}`,
        detail: d.message,
        diagnostic: d,
      })),
      { placeHolder: 'Open the documentation of which rule?' },
    );
    if (!pick) {
      return;
    }
    chosen = pick.diagnostic;
  }
  const target = docsTarget(chosen);
  if (target) {
    await vscode.env.openExternal(target);
  }
}

// ---- activation -------------------------------------------------------------------------

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('upstream', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('upstream.restart', restart),
    vscode.commands.registerCommand('upstream.scan', scanWorkspace),
    vscode.commands.registerCommand('upstream.showOutput', () => output.show()),
    vscode.commands.registerCommand('upstream.openRuleDocs', openRuleDocs),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('upstream.interpreter')) {
        void restart();
      } else if (event.affectsConfiguration('upstream') && client?.isRunning()) {
        // The server fetches the new values through workspace/configuration.
        const folder = vscode.workspace.workspaceFolders?.[0];
        client
          .sendNotification(DidChangeConfigurationNotification.type, {
            settings: { upstream: settingsFor(folder?.uri) },
          })
          .catch((error) => output.warn(`Sending the new settings: ${String(error)}`));
      }
    }),
  );
  const api = await pythonApi();
  if (api?.environments?.onDidChangeActiveEnvironmentPath) {
    context.subscriptions.push(api.environments.onDidChangeActiveEnvironmentPath(() => void restart()));
  }
  await serialized(start);
}

export async function deactivate(): Promise<void> {
  await stop();
}
