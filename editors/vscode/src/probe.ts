// Before starting the server: is `upstream` importable in the chosen interpreter?
// `classifyProbe` and `probeMessage` are pure; `probeServer` runs the interpreter.
import { execFile } from 'child_process';
import type { Interpreter } from './interpreter';

export const PROBE_SCRIPT =
  "import sys\ntry:\n import upstream\nexcept ImportError as e:\n print('MISSING', e); sys.exit(3)\nprint('OK', getattr(upstream, '__version__', 'unknown'))";

export type ProbeResult =
  | { kind: 'ok'; version: string }
  | { kind: 'missing'; detail: string }
  | { kind: 'no-interpreter'; detail: string }
  | { kind: 'error'; detail: string };

export interface ExecOutcome {
  /** Node's error code ('ENOENT', 'EACCES') or the exit status; undefined on success. */
  code?: string | number | null;
  stdout: string;
  stderr: string;
}

export function classifyProbe(outcome: ExecOutcome): ProbeResult {
  const out = outcome.stdout.trim();
  if (outcome.code === undefined || outcome.code === 0) {
    const match = /^OK (\S+)/m.exec(out);
    if (match) {
      return { kind: 'ok', version: match[1] };
    }
    return { kind: 'error', detail: (out + '\n' + outcome.stderr).trim() || 'no output' };
  }
  if (outcome.code === 'ENOENT' || outcome.code === 'EACCES' || outcome.code === 127) {
    return { kind: 'no-interpreter', detail: String(outcome.code) };
  }
  if (outcome.code === 3 || /^MISSING/m.test(out)) {
    return { kind: 'missing', detail: out.replace(/^MISSING\s*/m, '') };
  }
  return { kind: 'error', detail: (outcome.stderr || out).trim() || `exit ${String(outcome.code)}` };
}

function quote(part: string): string {
  return /^[\w@%+=:,./-]+$/.test(part) ? part : `"${part.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** The command that installs upstream into that interpreter. */
export function pipCommand(interpreter: Interpreter): string {
  return [...interpreter.command.map(quote), '-m', 'pip', 'install', 'upstream'].join(' ');
}

export interface ProbeMessage {
  severity: 'error' | 'warning';
  text: string;
  /** Offered as "Copy pip command" / "Run in terminal" when set. */
  pip?: string;
}

/** What to tell the user, or undefined when the server can start. */
export function probeMessage(result: ProbeResult, interpreter: Interpreter): ProbeMessage | undefined {
  const python = interpreter.command.join(' ');
  switch (result.kind) {
    case 'ok':
      return undefined;
    case 'missing':
      return {
        severity: 'error',
        text: `upstream is not installed in ${python}. Install it with: ${pipCommand(interpreter)} (or select another interpreter / set upstream.interpreter), then run "upstream: Restart Server".`,
        pip: pipCommand(interpreter),
      };
    case 'no-interpreter':
      return {
        severity: 'error',
        text: `Python interpreter not found: ${python}. Select an environment with the Python extension or set upstream.interpreter.`,
      };
    case 'error':
      return {
        severity: 'error',
        text: `Could not check for upstream in ${python}: ${result.detail.split('\n').slice(-1)[0]}`,
      };
  }
}

export function probeServer(interpreter: Interpreter, cwd?: string, timeoutMs = 20000): Promise<ProbeResult> {
  const [command, ...leading] = interpreter.command;
  return new Promise((resolve) => {
    execFile(command, [...leading, '-c', PROBE_SCRIPT], { cwd, timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error ? ((error as NodeJS.ErrnoException).code ?? (error as { status?: number }).status ?? 1) : undefined;
      resolve(classifyProbe({ code, stdout: String(stdout), stderr: String(stderr) }));
    });
  });
}
