// Drives code-server with Playwright (playwright-core + Debian chromium): see run.sh.
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const url = process.env.E2E_URL;
const file = process.env.E2E_FILE;
const screenshot = process.env.E2E_SCREENSHOT;
const work = process.env.E2E_WORK;
const FIXED = 'sh.shardCollection("db.c", { _id: "hashed" })';

function step(message) {
  console.log(`  - ${message}`);
}

async function waitFor(condition, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out: ${what}`);
}

async function main() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  page.setDefaultTimeout(60000);
  try {
    step(`open ${url}`);
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 90000 });

    step('open shard.js from the Explorer');
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'shard.js' });
    await row.waitFor({ timeout: 60000 });
    await row.click();
    await page.waitForSelector('.monaco-editor .view-lines:has-text("shardCollection")');

    step('wait for the upstream diagnostic in the Problems panel');
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Shift+M');
    const marker = page.locator('.markers-panel .monaco-list-row', { hasText: 'shard-key-monotonic' });
    await marker.first().waitFor({ timeout: 120000 });
    const markerText = (await marker.first().innerText()).replace(/\s+/g, ' ');
    step(`Problems: ${markerText.slice(0, 140)}`);

    step('quick fix (Ctrl+.) from the diagnostic');
    // Put the cursor on the finding (`_id`), then ask for code actions.
    await page.locator('.monaco-editor .view-lines span', { hasText: /^_id$/ }).first().click();
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Fix' }).first();
    await fix.waitFor({ timeout: 30000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshot });
    step(`screenshot ${screenshot}`);
    // The first entry is the rule's fix and has the focus: accept it.
    const focused = (await page.locator('.action-widget .monaco-list-row.focused').first().innerText()).trim();
    if (!focused.startsWith('Fix')) {
      throw new Error(`focused quick fix is ${JSON.stringify(focused)}`);
    }
    step(`apply "${focused}"`);
    await page.keyboard.press('Enter');

    step('save and check the file');
    await page.waitForSelector(`.monaco-editor .view-lines:has-text('"hashed"')`);
    await page.keyboard.press('Control+S');
    const deadline = Date.now() + 20000;
    let text = '';
    while (Date.now() < deadline) {
      text = fs.readFileSync(file, 'utf8');
      if (text.includes(FIXED)) break;
      await page.waitForTimeout(200);
    }
    if (!text.includes(FIXED)) {
      throw new Error(`file not fixed: ${JSON.stringify(text)}`);
    }
    step(`file now reads: ${text.trim()}`);
    await page.screenshot({ path: path.join(work, 'after-fix.png') });
    await page.locator('.markers-panel', { hasText: 'No problems have been detected' }).waitFor({ timeout: 30000 });
    step('Problems panel is empty after the fix');


    step('crash: run the server through a wrapper that records its pid, then kill it');
    const settings = path.join(path.dirname(file), '.vscode', 'settings.json');
    const calls = path.join(work, 'python-calls');
    const serverPids = () =>
      (fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8') : '')
        .split('\n')
        .filter((line) => / -m upstream lsp( --stdio)?$/.test(line))
        .map((line) => Number(line.split(' ')[0]));
    fs.writeFileSync(settings, JSON.stringify({ 'upstream.interpreter': [path.join(work, 'python-wrapper')] }) + '\n');
    await waitFor(() => serverPids().length === 1, 60000, 'server started through the wrapper');
    const shard2 = page.locator('.markers-panel .monaco-list-row', { hasText: 'shard2.js' });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'shard2.js' }).click();
    await shard2.first().waitFor({ timeout: 60000 });
    step('shard2.js diagnosed by the wrapped server');
    const [first] = serverPids();
    process.kill(first, 'SIGKILL');
    step(`killed server pid ${first}`);
    const warning = page.locator('.notifications-toasts .notification-toast', { hasText: 'stopped unexpectedly; restarting in 1 s' });
    await warning.first().waitFor({ timeout: 30000 });
    step(`message: ${(await warning.first().innerText()).replace(/\s+/g, ' ').slice(0, 100)}`);
    await waitFor(() => serverPids().length === 2, 30000, 'server restarted');
    step(`restarted as pid ${serverPids()[1]}`);
    await shard2.first().waitFor({ timeout: 60000 });
    step('diagnostics again after the restart (shard2.js)');
    const others = await page.locator('.notifications-toasts .notification-toast').allInnerTexts();
    if (others.length !== 1) {
      throw new Error(`expected only the restart message, got: ${JSON.stringify(others)}`);
    }
    await page.screenshot({ path: path.join(work, 'after-restart.png') });

    step('open analysis.ipynb: a removed pymongo call in its second cell, imported in the first');
    // Keep shard2.js open (a double-click pins its preview tab), for the settings step below.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'shard2.js' }).dblclick();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'analysis.ipynb' }).click();
    await page.waitForSelector('.notebook-editor .monaco-editor .view-lines:has-text("count()")', { timeout: 60000 });
    const cellMarker = page.locator('.markers-panel .monaco-list-row', { hasText: 'collection-count-all-removed' });
    await cellMarker.first().waitFor({ timeout: 120000 });
    const cellText = (await cellMarker.first().innerText()).replace(/\s+/g, ' ');
    step(`Problems: ${cellText.slice(0, 140)}`);
    // The marker belongs to the notebook (its cell), at the call's line in that cell.
    const owner = page.locator('.markers-panel .monaco-list-row', { hasText: 'analysis.ipynb' });
    await owner.first().waitFor({ timeout: 10000 });
    if (!/\[Ln 2, Col 5\]/.test(cellText)) {
      throw new Error(`expected the finding at line 2, column 5 of cell 2: ${cellText}`);
    }
    await page.screenshot({ path: path.join(path.dirname(screenshot), 'vscode-notebook.png') });

    step('settings: upstream.disable turns the rule off (workspace/configuration)');
    fs.writeFileSync(
      settings,
      JSON.stringify({
        'upstream.interpreter': [path.join(work, 'python-wrapper')],
        'upstream.disable': ['mongodb/shard-key-monotonic', 'pymongo/collection-count-all-removed'],
      }) + '\n',
    );
    await page.locator('.markers-panel', { hasText: 'No problems have been detected' }).waitFor({ timeout: 30000 });
    if (serverPids().length !== 2) {
      throw new Error('a settings change restarted the server');
    }
    step('shard2.js and notebook findings gone, same server');

    step('missing server: point upstream.interpreter at a Python without upstream');
    fs.writeFileSync(settings, JSON.stringify({ 'upstream.interpreter': ['python3', '-I', '-S'] }) + '\n');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'upstream is not installed in python3 -I -S' });
    await toast.first().waitFor({ timeout: 60000 });
    const toastText = (await toast.first().innerText()).replace(/\s+/g, ' ');
    if (!toastText.includes('-m pip install upstream') || !toastText.includes('Install in Terminal')) {
      throw new Error(`missing-server message lacks the pip command: ${toastText}`);
    }
    step(`message: ${toastText.slice(0, 160)}`);
    await page.screenshot({ path: path.join(path.dirname(screenshot), 'vscode-missing-server.png') });
  } catch (error) {
    const failure = path.join(work, 'failure.png');
    await page.screenshot({ path: failure }).catch(() => undefined);
    console.error(`FAILED (screenshot ${failure}): ${error.stack || error}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

main();
