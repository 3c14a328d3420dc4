// Tests of the report-site checker: it runs as a child process on fixture sites, in real headless
// Chromium with real axe-core, so these tests fail when axe or the browser does not actually run.
//   node --test scripts/a11y/test/
// Needs scripts/a11y/setup first (Chromium and node_modules).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { startServer } from '../check-site.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHECKER = path.join(HERE, '..', 'check-site.mjs');
const GOOD = path.join(HERE, 'fixtures', 'good');
const BAD = path.join(HERE, 'fixtures', 'bad');

function runChecker(args, env = {}) {
  return new Promise((resolve) => {
    execFile(process.execPath, [CHECKER, ...args], { env: { ...process.env, ...env }, timeout: 170_000, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }));
  });
}

let tmp;
before(async () => { tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'a11y-test-')); });
after(async () => { await fs.rm(tmp, { recursive: true, force: true }); });

describe('a fully accessible site', () => {
  let run;
  let report;
  before(async () => {
    const json = path.join(tmp, 'good.json');
    run = await runChecker([GOOD, '--json', json]);
    report = JSON.parse(await fs.readFile(json, 'utf8'));
  });

  test('exits 0 with no problem', () => {
    assert.equal(run.code, 0, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
    assert.match(run.stdout, /2 page\(s\) checked in .*: 0 problem\(s\) on 0 page\(s\)/);
    assert.match(run.stdout, /^OK {4}index\.html/m);
    assert.match(run.stdout, /^OK {4}details\.html/m);
    assert.equal(report.totals.problems, 0);
    for (const p of report.pages) assert.deepEqual(p.problems, [], p.page);
  });

  test('checks every page, recursively found, with axe and the link check really run', () => {
    assert.deepEqual(report.pages.map((p) => p.page), ['details.html', 'index.html']);
    assert.equal(report.axe, '4.14.1');
    for (const p of report.pages) {
      assert.ok(p.checks.axeRulesPassed >= 20, `${p.page}: only ${p.checks.axeRulesPassed} axe rules passed`);
      assert.ok(p.checks.links >= 5, `${p.page}: ${p.checks.links} links`);
      assert.equal(p.checks.firstTabStop, 'html > body > a', `${p.page}: first Tab stop`);
      assert.ok(p.checks.widthAt640 <= 641, `${p.page}: ${p.checks.widthAt640} px wide at 640`);
    }
  });

  test('an external hyperlink is a warning, not a problem', () => {
    const index = report.pages.find((p) => p.page === 'index.html');
    const ext = index.warnings.filter((w) => w.kind === 'external-link');
    assert.equal(ext.length, 1);
    assert.equal(ext[0].href, 'https://fr.wikipedia.org/wiki/Valeur_aberrante');
  });
});

describe('a site whose pages each break one rule', () => {
  let run;
  let report;
  before(async () => {
    const json = path.join(tmp, 'bad.json');
    run = await runChecker([BAD, '--json', json]);
    report = JSON.parse(await fs.readFile(json, 'utf8'));
  });

  // page -> the problems it must report (kind, or rule id for axe), and nothing else.
  const expected = {
    'index.html': [],
    'no-lang.html': ['html-has-lang'],
    'low-contrast.html': ['color-contrast'],
    'img-no-alt.html': ['image-alt'],
    'broken-link.html': ['broken-link'],
    'absolute-paths.html': ['root-relative-link', 'file-link'],
    'broken-anchor.html': ['broken-anchor', 'broken-anchor'],
    'cdn-script.html': ['external-resource'],
    'no-skip-link.html': ['skip-link'],
    'wide-div.html': ['reflow'],
    'skip-link-no-focus-style.html': ['focus-indicator'],
    'skip-link-never-visible.html': ['skip-link-hidden'],
    'wide-table-not-focusable.html': ['scrollable-region-focusable'],
    'no-main.html': ['landmark-one-main', 'region'],
    'two-titles.html': ['title'],
    'duplicate-id.html': ['duplicate-id'],
  };

  test('exits 1', () => {
    assert.equal(run.code, 1, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
    assert.equal(run.stderr, '');
    assert.equal(report.totals.pagesWithProblems, Object.keys(expected).length - 1);
  });

  test('checks every page', () => {
    assert.deepEqual(report.pages.map((p) => p.page).sort(), Object.keys(expected).sort());
  });

  for (const [page, rules] of Object.entries(expected)) {
    test(`${page}: ${rules.length ? rules.join(', ') : 'no problem'}`, () => {
      const p = report.pages.find((r) => r.page === page);
      assert.ok(p, `${page} not in the report`);
      assert.deepEqual(p.problems.map((x) => x.rule).sort(), [...rules].sort(), JSON.stringify(p.problems, null, 1));
      for (const x of p.problems) {
        assert.equal(x.page, page);
        assert.ok(x.what && x.why && x.fix, `what/why/fix of ${x.rule}`);
        // The printed summary names the page, the rule and the element.
        assert.ok(run.stdout.includes(x.rule), `${x.rule} not printed`);
      }
      assert.match(run.stdout, new RegExp(`^${rules.length ? 'FAIL' : 'OK'} +${page.replace('.', '\\.')} `, 'm'));
    });
  }

  test('details: axe impact and selectors, anchors across pages, the CDN URL, the offending element', () => {
    const byPage = Object.fromEntries(report.pages.map((p) => [p.page, p]));
    const contrast = byPage['low-contrast.html'].problems[0];
    assert.equal(contrast.kind, 'axe');
    assert.equal(contrast.impact, 'serious');
    assert.match(contrast.why, /contrast of 2\.3/);
    assert.deepEqual(contrast.nodes[0].target, ['#main > p']);
    assert.match(contrast.helpUrl, /dequeuniversity\.com\/rules\/axe\/4\.14\/color-contrast/);

    const anchors = byPage['broken-anchor.html'].problems.map((x) => x.href).sort();
    assert.deepEqual(anchors, ['#nulle-part', 'index.html#pas-ici']);

    assert.equal(byPage['cdn-script.html'].problems[0].href, 'https://cdn.jsdelivr.net/npm/chart.js@4.4.0/dist/chart.umd.min.js');
    assert.equal(byPage['broken-link.html'].problems[0].status, 404);

    const reflow = byPage['wide-div.html'].problems[0];
    assert.equal(reflow.selector, '#main > div');
    assert.ok(reflow.scrollWidth > 1200);
    assert.match(reflow.what, /200 % zoom/);

    assert.match(byPage['wide-table-not-focusable.html'].problems[0].what, /at 640 px/);
    assert.match(byPage['skip-link-never-visible.html'].problems[0].why, /clipped/);
    assert.match(byPage['no-skip-link.html'].problems[0].why, /<a href="index\.html">/);
  });
});

describe('usage and setup errors exit 2', () => {
  test('no argument', async () => {
    const r = await runChecker([]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /usage: /);
  });

  test('missing site folder', async () => {
    const r = await runChecker([path.join(tmp, 'nope')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /does not exist/);
  });

  test('site folder without html page', async () => {
    const empty = path.join(tmp, 'empty');
    await fs.mkdir(path.join(empty, 'sub'), { recursive: true });
    await fs.writeFile(path.join(empty, 'sub', 'notes.txt'), 'x');
    const r = await runChecker([empty]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no \*\.html page/);
  });

  test('Chromium missing', async () => {
    const r = await runChecker([GOOD], { CHROMIUM: path.join(tmp, 'no-chromium') });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /apt-get install -y chromium/);
  });

  test('node_modules missing', async () => {
    const copy = path.join(tmp, 'bare');
    await fs.mkdir(copy);
    await fs.copyFile(CHECKER, path.join(copy, 'check-site.mjs'));
    const r = await new Promise((resolve) => {
      execFile(process.execPath, [path.join(copy, 'check-site.mjs'), GOOD], (error, stdout, stderr) => resolve({ code: error?.code ?? 0, stderr }));
    });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /npm ci --prefix scripts\/a11y/);
  });

  test('unknown option', async () => {
    const r = await runChecker([GOOD, '--frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown option --frobnicate/);
  });
});

describe('the HTTP server', () => {
  let server;
  let origin;
  before(async () => { ({ server, origin } = await startServer(GOOD)); });
  after(() => new Promise((r) => server.close(r)));

  const types = {
    'index.html': 'text/html; charset=utf-8',
    'assets/logo.svg': 'image/svg+xml',
    'assets/style.css': 'text/css; charset=utf-8',
    'assets/manquants.json': 'application/json; charset=utf-8',
    'assets/audit.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'assets/audit.ipynb': 'application/x-ipynb+json',
    'assets/histogramme.png': 'image/png',
  };
  for (const [file, type] of Object.entries(types)) {
    test(`serves ${file} as ${type}`, async () => {
      const resp = await fetch(`${origin}/${file}`);
      assert.equal(resp.status, 200);
      assert.equal(resp.headers.get('content-type'), type);
      const body = Buffer.from(await resp.arrayBuffer());
      assert.deepEqual(body, await fs.readFile(path.join(GOOD, file)));
    });
  }

  test('listens on 127.0.0.1 only', () => {
    assert.match(origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(server.address().address, '127.0.0.1');
  });

  test('404 for a missing file, index.html for a folder', async () => {
    assert.equal((await fetch(`${origin}/absent.html`)).status, 404);
    assert.equal((await fetch(`${origin}/assets/absent.css`)).status, 404);
    const root = await fetch(`${origin}/`);
    assert.equal(root.status, 200);
    assert.match(await root.text(), /<title>Audit du jeu clinique/);
  });

  test('nothing outside the site folder', async () => {
    const status = await new Promise((resolve, reject) => {
      http.get(`${origin}/..%2f..%2fpackage.json`, (res) => { res.resume(); resolve(res.statusCode); }).on('error', reject);
    });
    assert.equal(status, 404);
  });
});
