// Which Python runs the server. Order (the Python-tools extension template's sources):
// the Python extension's active environment for the folder, else the `upstream.interpreter`
// setting, else `python3`. Pure: no `vscode` import.
import * as os from 'os';
import * as path from 'path';

export type InterpreterSource = 'python-extension' | 'setting' | 'default';

export interface Interpreter {
  /** The executable and any leading arguments; the server command appends `-m upstream lsp`. */
  command: string[];
  source: InterpreterSource;
}

export interface InterpreterInputs {
  /** The Python extension's active environment executable (undefined: no extension, or none selected). */
  pythonExtension?: string | string[];
  /** The `upstream.interpreter` setting: a path, or a path with arguments. */
  setting?: unknown;
  /** The workspace folder for `${workspaceFolder}`. */
  workspaceFolder?: string;
  /** Environment for `${env:NAME}` (default: process.env). */
  env?: Record<string, string | undefined>;
}

export const DEFAULT_INTERPRETER = 'python3';

export function substitute(value: string, inputs: InterpreterInputs): string {
  const env = inputs.env ?? process.env;
  let result = value.replace(/\$\{env:([^}]+)\}/g, (_, name: string) => env[name] ?? '');
  if (inputs.workspaceFolder !== undefined) {
    result = result.replace(/\$\{workspaceFolder\}/g, inputs.workspaceFolder);
  }
  result = result.replace(/\$\{userHome\}/g, os.homedir());
  if (result === '~' || result.startsWith('~/')) {
    result = path.join(os.homedir(), result.slice(1));
  }
  return result;
}

function asCommand(value: unknown, inputs: InterpreterInputs): string[] | undefined {
  const parts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const command = parts
    .filter((part): part is string => typeof part === 'string')
    .map((part) => substitute(part.trim(), inputs))
    .filter((part) => part !== '');
  return command.length > 0 ? command : undefined;
}

export function selectInterpreter(inputs: InterpreterInputs): Interpreter {
  const fromExtension = asCommand(inputs.pythonExtension, inputs);
  if (fromExtension) {
    return { command: fromExtension, source: 'python-extension' };
  }
  const fromSetting = asCommand(inputs.setting, inputs);
  if (fromSetting) {
    return { command: fromSetting, source: 'setting' };
  }
  return { command: [DEFAULT_INTERPRETER], source: 'default' };
}

/** The server process: `python -m upstream lsp`. */
export function serverCommand(interpreter: Interpreter): { command: string; args: string[] } {
  const [command, ...leading] = interpreter.command;
  return { command, args: [...leading, '-m', 'upstream', 'lsp'] };
}

export function describe(interpreter: Interpreter): string {
  const where = {
    'python-extension': "the Python extension's active environment",
    setting: 'the upstream.interpreter setting',
    default: 'the default',
  }[interpreter.source];
  return `${interpreter.command.join(' ')} (${where})`;
}
