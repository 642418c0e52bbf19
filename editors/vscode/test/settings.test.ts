import * as assert from 'assert';
import { DEFAULTS, objectGetter, SERVER_KEYS, serverSettings } from '../src/settings';
import * as manifest from '../package.json';

suite('settings mapping', () => {
  test('unset settings give the server defaults, without packs or unknownVersion', () => {
    const settings = serverSettings(objectGetter({}));
    assert.deepStrictEqual(settings, DEFAULTS);
    assert.ok(!('packs' in settings));
    assert.ok(!('unknownVersion' in settings));
  });

  test('every setting is passed through', () => {
    const settings = serverSettings(
      objectGetter({
        packs: ['mongodb', 'openai'],
        packPaths: ['tools/our-pack'],
        workspacePacks: true,
        disable: ['openai/completion-removed'],
        severity: { 'mongodb/shard-key-monotonic': 'error' },
        unknownVersion: 'skip',
        newCodeMode: true,
        debounce: 300,
        maxFileSize: 1000,
        interpreter: ['/usr/bin/python3'],
      }),
    );
    assert.deepStrictEqual(settings, {
      packs: ['mongodb', 'openai'],
      packPaths: ['tools/our-pack'],
      workspacePacks: true,
      disable: ['openai/completion-removed'],
      severity: { 'mongodb/shard-key-monotonic': 'error' },
      unknownVersion: 'skip',
      newCodeMode: true,
      debounce: 300,
      maxFileSize: 1000,
    });
  });

  test('extension-only settings are not sent to the server', () => {
    const settings = serverSettings(objectGetter({ interpreter: ['python'], 'trace.server': 'verbose' }));
    assert.deepStrictEqual(Object.keys(settings).sort(), Object.keys(DEFAULTS).sort());
  });

  test('invalid values fall back to defaults', () => {
    const settings = serverSettings(
      objectGetter({
        packs: 'mongodb',
        packPaths: [1, '', 'ok'],
        workspacePacks: 'yes',
        disable: null,
        severity: { a: 'fatal', b: 'Warning', c: 3 },
        unknownVersion: 'maybe',
        newCodeMode: 1,
        debounce: -5,
        maxFileSize: 'big',
      }),
    );
    assert.strictEqual(settings.packs, undefined);
    assert.deepStrictEqual(settings.packPaths, ['ok']);
    assert.strictEqual(settings.workspacePacks, false);
    assert.deepStrictEqual(settings.disable, []);
    assert.deepStrictEqual(settings.severity, { b: 'warning' });
    assert.strictEqual(settings.unknownVersion, undefined);
    assert.strictEqual(settings.newCodeMode, false);
    assert.strictEqual(settings.debounce, 150);
    assert.strictEqual(settings.maxFileSize, 2097152);
  });

  test('package.json contributes exactly the server keys plus interpreter and trace', () => {
    const contributed = Object.keys(manifest.contributes.configuration.properties).map((key) =>
      key.replace(/^upstream\./, ''),
    );
    assert.deepStrictEqual(contributed.sort(), [...SERVER_KEYS, 'interpreter', 'trace.server'].sort());
    const props = manifest.contributes.configuration.properties as Record<string, { default?: unknown }>;
    assert.strictEqual(props['upstream.debounce'].default, DEFAULTS.debounce);
    assert.strictEqual(props['upstream.maxFileSize'].default, DEFAULTS.maxFileSize);
  });

  test('package.json declares what vsce and VS Code need', () => {
    assert.strictEqual(manifest.main, './dist/extension.js');
    assert.match(manifest.engines.vscode, /^\^1\.\d+\.0$/);
    const commands = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepStrictEqual(commands, ['upstream.openRuleDocs', 'upstream.restart', 'upstream.scan', 'upstream.showOutput']);
    // The server's own commands are registered by vscode-languageclient: no clash.
    assert.ok(!commands.includes('upstream.scanWorkspace'));
    assert.ok(!commands.includes('upstream.openDocs'));
  });
});
