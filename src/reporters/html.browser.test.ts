import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderHtml } from './html.js';
import { Chromium, findChromium } from '../testing/chromium.js';
import { HOSTILE, HOSTILE_FILE, sampleControlsOnlyResult, sampleScanResult } from '../testing/sample-scan-result.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const found = findChromium(repoRoot);
if (!found.executable) console.log(`# skipping the browser tests of the HTML report: ${found.why}`);

describe('the HTML report in headless Chromium', { skip: found.executable ? false : found.why }, () => {
  let browser: Chromium;
  let directory: string;
  const write = (name: string, html: string): string => {
    const file = path.join(directory, name);
    writeFileSync(file, html);
    return pathToFileURL(file).href;
  };
  /** Loads a page in a fresh tab; returns the tab and every URL it requested besides itself. */
  const open = async (url: string) => {
    const session = await browser.newPage();
    await browser.load(session, url);
    // Give late requests (images, fonts, beacons) a moment to show up before judging.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const requests = browser.eventsOf(session, 'Network.requestWillBeSent').map((event) => (event.params.request as { url: string }).url);
    const problems = [
      ...browser.eventsOf(session, 'Runtime.exceptionThrown').map((event) => JSON.stringify(event.params.exceptionDetails)),
      ...browser.eventsOf(session, 'Runtime.consoleAPICalled').filter((event) => event.params.type === 'error').map((event) => JSON.stringify(event.params.args)),
      ...browser.eventsOf(session, 'Log.entryAdded').map((event) => event.params.entry as { level: string; text: string }).filter((entry) => entry.level === 'error').map((entry) => entry.text),
    ];
    const dialogs = browser.eventsOf(session, 'Page.javascriptDialogOpening').length;
    const blocked = browser
      .eventsOf(session, 'Network.loadingFailed')
      .filter((event) => event.params.blockedReason === 'csp')
      .map((event) => event.params.requestId);
    const sent = browser
      .eventsOf(session, 'Network.requestWillBeSent')
      .filter((event) => !blocked.includes(event.params.requestId))
      .map((event) => (event.params.request as { url: string }).url);
    return { session, others: requests.filter((entry) => entry !== url), sent: sent.filter((entry) => entry !== url), problems, dialogs };
  };

  before(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'tenet-html-'));
    browser = await Chromium.launch(found.executable as string);
  });
  after(async () => {
    await browser?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  test('the request detector works: a page without the policy does request its image', async () => {
    const url = write('probe.html', '<!doctype html><title>probe</title><img src="http://127.0.0.1:9/probe.png">');
    const { others } = await open(url);
    assert.deepEqual(others, ['http://127.0.0.1:9/probe.png']);
  });

  test('renders the report: content, no request, no console error, no script from the data', async () => {
    const url = write('report.html', renderHtml(sampleScanResult(), { describe: () => ({ rationale: 'Why.', remediation: 'Fix.' }) }));
    const { session, others, problems, dialogs } = await open(url);
    assert.deepEqual(others, [], 'the page made no network request');
    assert.deepEqual(problems, [], 'no console error or exception');
    assert.equal(dialogs, 0, 'no injected script ran');
    const page = await browser.evaluate<{ scripts: number; title: string; hostileShown: boolean; fileShown: boolean; items: number; count: string; styled: string }>(
      session,
      `({
        scripts: document.scripts.length,
        title: document.querySelector('h1').textContent,
        hostileShown: document.body.textContent.includes(${JSON.stringify(HOSTILE.replace('\u0001', '\ufffd'))}),
        fileShown: document.body.textContent.includes(${JSON.stringify(HOSTILE_FILE)}),
        items: document.querySelectorAll('[data-item][data-primary]').length,
        count: document.getElementById('f-count').textContent,
        styled: getComputedStyle(document.querySelector('.badge.s-fail')).backgroundColor,
      })`,
    );
    assert.deepEqual(page, { scripts: 1, title: 'tenet report: sample repo', hostileShown: true, fileShown: true, items: 13, count: '13 of 13 shown', styled: 'rgb(198, 40, 40)' });
  });

  test('renders a scan without packs: controls by domain, still quiet', async () => {
    const url = write('controls.html', renderHtml(sampleControlsOnlyResult()));
    const { session, others, problems, dialogs } = await open(url);
    assert.deepEqual([others, problems, dialogs], [[], [], 0]);
    assert.equal(await browser.evaluate<string>(session, `document.getElementById('f-count').textContent`), '8 of 8 shown');
  });

  test('filters by status, pack and text', async () => {
    const url = write('filters.html', renderHtml(sampleScanResult()));
    const { session } = await open(url);
    const filter = (status: string, pack: string, text: string) =>
      browser.evaluate<{ count: string; visible: string[]; packsShown: number }>(
        session,
        `(() => {
          const set = (id, value) => { const element = document.getElementById(id); element.value = value; element.dispatchEvent(new Event('input')); };
          set('f-status', ${JSON.stringify(status)}); set('f-pack', ${JSON.stringify(pack)}); set('f-text', ${JSON.stringify(text)});
          return {
            count: document.getElementById('f-count').textContent,
            visible: [...document.querySelectorAll('[data-item][data-primary]:not([hidden]) strong')].map((element) => element.textContent),
            packsShown: [...document.querySelectorAll('section.pack')].filter((element) => !element.hidden).length,
          };
        })()`,
      );
    assert.deepEqual(await filter('fail', '', ''), { count: '2 of 13 shown', visible: ['HM-10', 'YOE-22'], packsShown: 2 });
    assert.deepEqual(await filter('fail', 'year-of-engineering', ''), { count: '1 of 13 shown', visible: ['YOE-22'], packsShown: 1 });
    assert.deepEqual(await filter('', '', 'lead@example'), { count: '1 of 13 shown', visible: ['YOE-32'], packsShown: 1 });
    assert.deepEqual(await filter('', '', ''), { count: '13 of 13 shown', visible: (await filter('', '', '')).visible, packsShown: 2 });
  });

  test('the policy blocks anything that slips in: an injected image neither loads nor is requested', async () => {
    const html = renderHtml(sampleControlsOnlyResult()).replace('<main>', '<main><img src="http://127.0.0.1:9/leak.png"><script>alert(1)</script>');
    const url = write('injected.html', html);
    const { others, sent, problems, dialogs } = await open(url);
    assert.deepEqual(others, ['http://127.0.0.1:9/leak.png'], 'Chromium announces the attempt');
    assert.deepEqual(sent, [], 'and the Content-Security-Policy stops it before it leaves');
    assert.equal(dialogs, 0, 'the injected script did not run');
    assert.ok(problems.some((problem) => /Content Security Policy/i.test(problem)), problems.join('\n'));
  });
});
