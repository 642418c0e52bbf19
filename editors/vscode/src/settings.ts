// Maps the extension's `upstream.*` settings to the server's settings (docs/lsp.md,
// "Settings"). Pure: no `vscode` import, so it is unit-tested without VS Code.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface ServerSettings {
  packs?: string[];
  packPaths: string[];
  workspacePacks: boolean;
  disable: string[];
  severity: Record<string, Severity>;
  unknownVersion?: 'apply' | 'skip';
  newCodeMode: boolean;
  debounce: number;
  maxFileSize: number;
}

/** The server's keys, in docs/lsp.md order; anything else under `upstream.` is the extension's. */
export const SERVER_KEYS = [
  'packs',
  'packPaths',
  'workspacePacks',
  'disable',
  'severity',
  'unknownVersion',
  'newCodeMode',
  'debounce',
  'maxFileSize',
] as const;

export const DEFAULTS: ServerSettings = {
  packPaths: [],
  workspacePacks: false,
  disable: [],
  severity: {},
  newCodeMode: false,
  debounce: 150,
  maxFileSize: 2 * 1024 * 1024,
};

const SEVERITIES = new Set<string>(['error', 'warning', 'info', 'hint']);

/** Reads one setting: `vscode.WorkspaceConfiguration.get` has this shape. */
export type Getter = (key: string) => unknown;

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
}

function nonNegativeInt(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

/**
 * The server settings from the `upstream` section. Unset or invalid values get the
 * server's defaults; `packs` and `unknownVersion` are left out when unset so that the
 * project's `[tool.upstream]` config decides.
 */
export function serverSettings(get: Getter): ServerSettings {
  const settings: ServerSettings = {
    packPaths: stringList(get('packPaths')) ?? DEFAULTS.packPaths,
    workspacePacks: typeof get('workspacePacks') === 'boolean' ? (get('workspacePacks') as boolean) : false,
    disable: stringList(get('disable')) ?? DEFAULTS.disable,
    severity: {},
    newCodeMode: get('newCodeMode') === true,
    debounce: nonNegativeInt(get('debounce'), DEFAULTS.debounce),
    maxFileSize: nonNegativeInt(get('maxFileSize'), DEFAULTS.maxFileSize),
  };
  const packs = stringList(get('packs'));
  if (packs !== undefined) {
    settings.packs = packs;
  }
  const severity = get('severity');
  if (severity && typeof severity === 'object' && !Array.isArray(severity)) {
    for (const [rule, level] of Object.entries(severity as Record<string, unknown>)) {
      if (typeof level === 'string' && SEVERITIES.has(level.toLowerCase())) {
        settings.severity[rule] = level.toLowerCase() as Severity;
      }
    }
  }
  const unknownVersion = get('unknownVersion');
  if (unknownVersion === 'apply' || unknownVersion === 'skip') {
    settings.unknownVersion = unknownVersion;
  }
  return settings;
}

/** A getter over a plain object (a settings.json fragment without the `upstream.` prefix). */
export function objectGetter(values: Record<string, unknown>): Getter {
  return (key) => values[key];
}
