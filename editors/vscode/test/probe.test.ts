import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { classifyProbe, pipCommand, probeMessage, probeServer } from '../src/probe';
import { Interpreter } from '../src/interpreter';
import { RestartPolicy } from '../src/backoff';

const python: Interpreter = { command: ['/home/me/.venv/bin/python'], source: 'setting' };

suite('missing server', () => {
  test('classify: ok, missing, no interpreter, other errors', () => {
    assert.deepStrictEqual(classifyProbe({ stdout: 'OK 0.1.0\n', stderr: '' }), { kind: 'ok', version: '0.1.0' });
    assert.strictEqual(
      classifyProbe({ code: 3, stdout: "MISSING No module named 'upstream'\n", stderr: '' }).kind,
      'missing',
    );
    assert.strictEqual(classifyProbe({ code: 'ENOENT', stdout: '', stderr: '' }).kind, 'no-interpreter');
    assert.strictEqual(classifyProbe({ code: 1, stdout: '', stderr: 'SyntaxError' }).kind, 'error');
  });

  test('the message names the interpreter and gives the pip command', () => {
    const message = probeMessage({ kind: 'missing', detail: "No module named 'upstream'" }, python);
    assert.ok(message);
    assert.strictEqual(message.pip, '/home/me/.venv/bin/python -m pip install upstream');
    assert.match(message.text, /upstream is not installed in \/home\/me\/.venv\/bin\/python/);
    assert.match(message.text, /python -m pip install upstream/);
  });

  test('no message when the server is there', () => {
    assert.strictEqual(probeMessage({ kind: 'ok', version: '0.1.0' }, python), undefined);
  });

  test('an interpreter that is not there gets no pip command', () => {
    const message = probeMessage({ kind: 'no-interpreter', detail: 'ENOENT' }, python);
    assert.ok(message && !message.pip);
    assert.match(message.text, /not found/);
  });

  test('pip command quotes paths with spaces', () => {
    assert.strictEqual(
      pipCommand({ command: ['C:/Program Files/Python/python.exe'], source: 'setting' }),
      '"C:/Program Files/Python/python.exe" -m pip install upstream',
    );
  });

  test('probe a real interpreter without upstream, and one that does not exist', async function () {
    this.timeout(20000);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-probe-'));
    // python3 -I ignores PYTHONPATH and user site; -S leaves out site-packages: no upstream.
    const bare = await probeServer({ command: ['python3', '-I', '-S'], source: 'default' }, empty);
    assert.strictEqual(bare.kind, 'missing');
    const absent = await probeServer({ command: [path.join(empty, 'no-python')], source: 'setting' }, empty);
    assert.strictEqual(absent.kind, 'no-interpreter');
  });
});

suite('restart backoff', () => {
  test('doubles up to the maximum, then gives up', () => {
    const policy = new RestartPolicy({ initialMs: 1000, maxMs: 4000, stableMs: 60000, maxRestarts: 4 });
    policy.started(0);
    assert.deepStrictEqual([1, 2, 3, 4, 5].map(() => policy.crashed(10)), [1000, 2000, 4000, 4000, undefined]);
  });

  test('a stable run resets the backoff', () => {
    const policy = new RestartPolicy({ initialMs: 1000, maxMs: 30000, stableMs: 60000, maxRestarts: 5 });
    policy.started(0);
    assert.strictEqual(policy.crashed(100), 1000);
    policy.started(1000);
    assert.strictEqual(policy.crashed(1200), 2000);
    policy.started(3000);
    assert.strictEqual(policy.crashed(3000 + 60000), 1000);
  });
});
