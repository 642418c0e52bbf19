import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import { selectInterpreter, serverCommand, substitute } from '../src/interpreter';

suite('interpreter selection', () => {
  test("the Python extension's environment comes first", () => {
    const chosen = selectInterpreter({ pythonExtension: '/venv/bin/python', setting: ['/usr/bin/python3.12'] });
    assert.deepStrictEqual(chosen, { command: ['/venv/bin/python'], source: 'python-extension' });
  });

  test('the Python extension can give a command with arguments (execCommand)', () => {
    const chosen = selectInterpreter({ pythonExtension: ['conda', 'run', '-n', 'x', 'python'] });
    assert.deepStrictEqual(chosen.command, ['conda', 'run', '-n', 'x', 'python']);
    assert.deepStrictEqual(serverCommand(chosen), {
      command: 'conda',
      args: ['run', '-n', 'x', 'python', '-m', 'upstream', 'lsp'],
    });
  });

  test('then the upstream.interpreter setting', () => {
    for (const pythonExtension of [undefined, '', [], ['  ']]) {
      const chosen = selectInterpreter({ pythonExtension, setting: ['${workspaceFolder}/.venv/bin/python'], workspaceFolder: '/w' });
      assert.deepStrictEqual(chosen, { command: ['/w/.venv/bin/python'], source: 'setting' });
    }
  });

  test('the setting may be a plain string', () => {
    assert.deepStrictEqual(selectInterpreter({ setting: '/opt/py/bin/python' }).command, ['/opt/py/bin/python']);
  });

  test('else python3', () => {
    for (const setting of [undefined, [], [''], null, 42]) {
      assert.deepStrictEqual(selectInterpreter({ setting }), { command: ['python3'], source: 'default' });
    }
  });

  test('server command is python -m upstream lsp', () => {
    assert.deepStrictEqual(serverCommand(selectInterpreter({})), { command: 'python3', args: ['-m', 'upstream', 'lsp'] });
  });

  test('variables: ${env:X}, ${userHome}, ~', () => {
    const inputs = { env: { VENV: '/v' } };
    assert.strictEqual(substitute('${env:VENV}/bin/python', inputs), '/v/bin/python');
    assert.strictEqual(substitute('${env:NOPE}x', inputs), 'x');
    assert.strictEqual(substitute('~/py/bin/python', inputs), path.join(os.homedir(), 'py/bin/python'));
    assert.strictEqual(substitute('${userHome}/p', inputs), `${os.homedir()}/p`);
  });
});
