// Tests of the web-application checker check-app.mjs: its pure helpers, then the checker itself as a
// child process in real headless Chromium against a small stand-in of `datapilot serve` written here
// (same URLs, ids and behaviour), once correct and once broken in known ways, so that each check is
// seen to pass and to fail. No datapilot server needed; Chromium and node_modules are (scripts/a11y/setup).
//   node --test scripts/a11y/test/

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import {
  UsageError, badInputs, frenchDate, frenchNumber, loginRedirectProblem, parseArgs, pickReportPages, validInputs,
} from '../check-app.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHECKER = path.join(HERE, '..', 'check-app.mjs');

describe('pure helpers', () => {
  test('parseArgs', () => {
    assert.deepEqual(parseArgs(['http://localhost:8099/']), { base: 'http://localhost:8099', json: null, quiet: false });
    assert.deepEqual(parseArgs(['http://h:1/app/', '--json', 'o.json', '-q']), { base: 'http://h:1/app', json: 'o.json', quiet: true });
    assert.equal(parseArgs(['--json=x.json', 'https://h']).json, 'x.json');
    for (const bad of [[], ['ftp://h'], ['not a url'], ['http://h', 'http://i'], ['http://h', '--nope'], ['http://h', '--json'], ['http://h/?a=1']]) {
      assert.throws(() => parseArgs(bad), UsageError, JSON.stringify(bad));
    }
  });

  test('frenchNumber writes what a French user types', () => {
    assert.equal(frenchNumber('30500.0'), '30 500');
    assert.equal(frenchNumber('1795.73'), '1 795,73');
    assert.equal(frenchNumber('5.714285850524902'), '5,71');
    assert.equal(frenchNumber('1234567.891'), '1 234 567,89');
    assert.equal(frenchNumber('-1500.5'), '-1 500,5');
    assert.equal(frenchNumber('-0.001'), '0');
    assert.equal(frenchNumber('0'), '0');
    assert.equal(frenchNumber(null), null);
    assert.equal(frenchNumber(''), null);
    assert.equal(frenchNumber('abc'), null);
  });

  test('frenchDate', () => {
    assert.equal(frenchDate('2015-02-11'), '11/02/2015');
    assert.equal(frenchDate('2022-01-01 07:02:00'), '01/01/2022');
    assert.equal(frenchDate('2022-01-01T07:02:00Z'), '01/01/2022');
    assert.equal(frenchDate('11/02/2015'), null);
    assert.equal(frenchDate(null), null);
  });

  const features = [
    { name: 'c', kind: 'categorical', values: ['Mme', 'M.'] },
    { name: 'n1', kind: 'numeric', typical: '6.0' },
    { name: 'd', kind: 'date', min: '2015-02-11', typical: null },
    { name: 'b', kind: 'boolean', typical: '0.0' },
    { name: 'n2', kind: 'numeric', typical: '1795.73' },
    { name: 'e', kind: 'categorical', values: [] },
    { name: 'n3', kind: 'numeric', typical: null },
  ];

  test('validInputs: a number with a decimal comma, a whole one, a date, the selects; in form order', () => {
    assert.deepEqual(validInputs(features), [
      { name: 'n2', kind: 'numeric', text: '1 795,73' },
      { name: 'n1', kind: 'numeric', text: '6' },
      { name: 'd', kind: 'date', text: '11/02/2015' },
      { name: 'c', kind: 'categorical', option: 'Mme' },
      { name: 'b', kind: 'boolean', option: 'oui' },
    ]);
    assert.deepEqual(validInputs(features, ['c', 'n1', 'd', 'b', 'n2', 'e', 'n3']).map((i) => i.name), ['c', 'n1', 'd', 'b', 'n2']);
  });

  test('badInputs: abc in the first number, 31/02/2024 in the first date', () => {
    assert.deepEqual(badInputs(features, ['c', 'd', 'n1']), [
      { name: 'd', kind: 'date', text: '31/02/2024' },
      { name: 'n1', kind: 'numeric', text: 'abc' },
    ]);
    assert.deepEqual(badInputs([{ name: 'c', kind: 'categorical', values: ['a'] }]), []);
  });

  test('loginRedirectProblem', () => {
    const base = 'http://localhost:8099';
    assert.equal(loginRedirectProblem('http://localhost:8099/connexion?suite=%2Fpredire%2Ft', base, '/predire/t'), null);
    assert.match(loginRedirectProblem('http://localhost:8099/predire/t', base, '/predire/t'), /not on \/connexion/);
    assert.match(loginRedirectProblem('http://localhost:8099/connexion', base, '/predire/t'), /suite=\(absent\)/);
    assert.match(loginRedirectProblem('http://localhost:8099/connexion?suite=%2F', base, '/predire/t'), /suite="\/"/);
    assert.match(loginRedirectProblem('http://evil.example/connexion?suite=%2Fpredire%2Ft', base, '/predire/t'), /not on \/connexion/);
  });

  test('pickReportPages: same folder, not the summary, first/middle/last', () => {
    const hrefs = ['index.html', 'a.html', 'b.html', 'c.html', 'b.html', 'd.html', 'e.html', '/', '/rgpd', '../other/x.html', 'https://x.org/a.html'];
    assert.deepEqual(pickReportPages(hrefs, 'http://h/rapport/2026-01-01/index.html'), ['/rapport/2026-01-01/a.html', '/rapport/2026-01-01/c.html', '/rapport/2026-01-01/e.html']);
    assert.deepEqual(pickReportPages(['a.html', 'index.html'], 'http://h/rapport/d/index.html'), ['/rapport/d/a.html']);
    assert.deepEqual(pickReportPages(['/', 'index.html'], 'http://h/rapport/d/index.html'), []);
  });
});

// ---------------------------------------------------------------------------------------------
// A stand-in of the application. `broken` turns on known faults, each one caught by one check.

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'";
const CSS = `body{font-family:sans-serif;color:#1f2328;background:#fff;margin:0 1rem}a{color:#0b5cad}
.skip-link{position:absolute;left:-10000px;top:0;background:#fff;padding:.5rem}
.skip-link:focus{left:.5rem;top:.5rem;outline:3px solid #1a4e8a}
main:focus,#resultat:focus,#erreurs:focus{outline:none}.faint{color:#bbb}.wide{width:1500px}
input,select,button{font:inherit}`;
const PREDIRE_JS = `document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!form.closest('#formulaire')) return;
  event.preventDefault();
  const response = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)) });
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  document.querySelector('#formulaire').replaceWith(document.importNode(page.querySelector('#formulaire'), true));
  document.querySelector('#resultat').innerHTML = page.querySelector('#resultat').innerHTML;
  if (!window.BROKEN) (document.querySelector('#erreurs') || document.querySelector('#resultat')).focus();
});`;
const MODEL = {
  target: 't',
  features: [
    { name: 'x', kind: 'numeric', typical: '1234.5', min: '0', max: '5000' },
    { name: 'd', kind: 'date', min: '2020-01-01', max: '2024-12-31', typical: null },
    { name: 'c', kind: 'categorical', values: ['A', 'B'], typical: 'A' },
    { name: 'b', kind: 'boolean', typical: '0.0' },
  ],
};
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function layout(title, body, { user, broken, skip = true, scripts = '' }) {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – test</title><link rel="stylesheet" href="/static/app.css">${scripts}</head><body>
${skip ? '<a class="skip-link" href="#contenu">Aller au contenu</a>' : ''}
<header><p>Appli</p><p>${user ? `Connecté : ${user} (analyste)` : 'Non connecté'}</p></header>
<nav aria-label="Navigation principale"><ul><li><a href="/">Tableau de bord</a></li><li><a href="/rgpd">Notice RGPD</a></li></ul></nav>
<main id="contenu" tabindex="-1"><h1>${title}</h1>${body}${broken && title === 'Tableau de bord' ? '<p class="faint">pâle</p>' : ''}</main>
<footer><p>pied</p></footer></body></html>`;
}

function frenchNumberOk(s) { return /^-?\d{1,3}( \d{3})*(,\d+)?$|^-?\d+(,\d+)?$/.test(s); }
function frenchDateOk(s) {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[3], +m[2] - 1, +m[1]));
  return d.getUTCDate() === +m[1] && d.getUTCMonth() === +m[2] - 1;
}

function predictPage(values, { user, broken, errors = null, prediction = null }) {
  const field = (f) => {
    const id = `champ-${f.name}`;
    const err = errors?.[f.name];
    const described = `${id}-aide${err ? ` ${id}-erreur` : ''}`;
    const invalid = err && !broken ? ' aria-invalid="true"' : '';
    let control;
    if (f.kind === 'numeric' || f.kind === 'date') {
      control = `<input id="${id}" name="${f.name}" type="text" value="${esc(values[f.name] ?? '')}" aria-describedby="${described}"${invalid}>`;
    } else {
      const opts = f.kind === 'boolean' ? ['oui', 'non'] : f.values;
      control = `<select id="${id}" name="${f.name}" aria-describedby="${described}"><option value="">Inconnu</option>${opts.map((o) => `<option${values[f.name] === o ? ' selected' : ''}>${o}</option>`).join('')}</select>`;
    }
    return `<div><label for="${id}">${f.name}</label><p id="${id}-aide">aide</p>${control}${err ? `<p id="${id}-erreur">Erreur : ${esc(err)}</p>` : ''}</div>`;
  };
  const summary = errors ? `<div id="erreurs" tabindex="-1"><h2>Erreurs</h2><ul>${Object.entries(errors).map(([k, m]) => `<li><a href="#champ-${k}">${k} : ${esc(m)}</a></li>`).join('')}</ul></div>` : '';
  const result = prediction ? `<p class="prediction">${prediction}</p>` : '<p>Remplissez le formulaire.</p>';
  return layout('Prédire t', `<section id="formulaire" aria-labelledby="tf"><h2 id="tf">Données</h2>${summary}
<form method="post" action="/predire/t" novalidate>${MODEL.features.map(field).join('')}<button type="submit">Prédire</button></form></section>
<section id="resultat" tabindex="-1"${broken ? '' : ' aria-live="polite"'} aria-labelledby="tr"><h2 id="tr">Résultat</h2>${result}</section>`,
  { user, broken, scripts: `${broken ? '<script src="/static/broken.js"></script>' : ''}<script src="/static/predire.js" defer></script>` });
}

async function startApp({ broken = false } = {}) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const user = /(?:^|; )sid=alice/.test(req.headers.cookie ?? '') ? 'alice' : null;
    let body = '';
    for await (const chunk of req) body += chunk;
    const form = new URLSearchParams(body);
    const html = (status, text) => res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP }).end(text);
    const p = url.pathname;
    if (p === '/static/app.css') return res.writeHead(200, { 'Content-Type': 'text/css' }).end(CSS);
    if (p === '/static/predire.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(PREDIRE_JS);
    if (p === '/static/broken.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end('window.BROKEN = true; console.error("boom");');
    if (p === '/favicon.ico') return res.writeHead(204).end();
    if (p === '/') return html(200, layout('Tableau de bord', '<p><a href="/rapport/2026-01-01/index.html">Rapport</a></p>', { user, broken }));
    if (p === '/rgpd') return html(200, layout('Notice RGPD', '<p>notice</p>', { user, broken, skip: !broken }));
    if (p === '/connexion' && req.method === 'GET') {
      return html(200, layout('Connexion', `<form method="post" action="/connexion"><input type="hidden" name="suite" value="${esc(url.searchParams.get('suite') ?? '/')}">
<div><label for="nom">Nom</label><input id="nom" name="nom"></div><div><label for="mot-de-passe">Mot de passe</label><input id="mot-de-passe" name="mot_de_passe" type="password"></div>
<button type="submit">Se connecter</button></form>`, { user, broken }));
    }
    if (p === '/connexion') {
      if (form.get('nom') !== 'alice' || form.get('mot_de_passe') !== 'pass word') return html(401, layout('Connexion', '<p>Refusé</p>', { user, broken }));
      const suite = form.get('suite')?.startsWith('/') ? form.get('suite') : '/';
      return res.writeHead(303, { Location: suite, 'Set-Cookie': 'sid=alice; Path=/; HttpOnly; SameSite=Strict' }).end();
    }
    if (p.startsWith('/rapport/2026-01-01/')) {
      const nav = '<ul><li><a href="index.html">Synthèse</a></li><li><a href="a.html">A</a></li><li><a href="b.html">B</a></li><li><a href="/">Application</a></li></ul>';
      const extra = broken && p.endsWith('/b.html') ? '<p style="color:red">style en ligne</p>' : '';
      return html(200, layout('Rapport', `<nav aria-label="Pages du rapport">${nav}</nav><p>rapport</p>${extra}`, { user, broken }));
    }
    if (!user && (p.startsWith('/predire/') || p.startsWith('/modeles/') || p.startsWith('/api/'))) {
      if (p.startsWith('/api/')) return res.writeHead(401).end();
      if (broken) return html(200, layout('Prédire t', '<p>page ouverte</p>', { user, broken }));
      return res.writeHead(302, { Location: `/connexion?suite=${encodeURIComponent(p)}` }).end();
    }
    if (p === '/api/models') return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ models: [MODEL] }));
    if (p === '/modeles/t') return html(200, layout('Modèle t', `<div${broken ? ' class="wide"' : ''}>fiche</div>`, { user, broken }));
    if (p === '/predire/t' && req.method === 'GET') return html(200, predictPage({}, { user, broken }));
    if (p === '/predire/t') {
      const values = Object.fromEntries(form);
      const errors = {};
      if (values.x && !frenchNumberOk(values.x)) errors.x = `« ${values.x} » n'est pas un nombre`;
      // broken: a lenient date parser, which takes 31/02/2024 for a date
      if (values.d && !(broken ? /^\d{2}\/\d{2}\/\d{4}$/.test(values.d) : frenchDateOk(values.d))) errors.d = `date illisible « ${values.d} »`;
      if (Object.keys(errors).length) return html(422, predictPage(values, { user, broken, errors }));
      return html(200, predictPage(values, { user, broken, prediction: `t : 42 (x=${esc(values.x)}, c=${esc(values.c)}, b=${esc(values.b)})` }));
    }
    return html(404, layout('Introuvable', '<p>404</p>', { user, broken }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://localhost:${server.address().port}` };
}

function runChecker(args, env) {
  return new Promise((resolve) => {
    execFile(process.execPath, [CHECKER, ...args], { env: { ...process.env, ...env }, timeout: 170_000, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }));
  });
}

const CREDENTIALS = { DATAPILOT_APP_USER: 'alice', DATAPILOT_APP_PASSWORD: 'pass word' };
let tmp;
before(async () => { tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'a11y-app-test-')); });
after(async () => { await fs.rm(tmp, { recursive: true, force: true }); });

describe('usage errors exit 2', () => {
  test('no credentials, no server, bad URL', async () => {
    const noCred = await runChecker(['http://localhost:9'], { DATAPILOT_APP_USER: '', DATAPILOT_APP_PASSWORD: '' });
    assert.equal(noCred.code, 2);
    assert.match(noCred.stderr, /DATAPILOT_APP_USER and DATAPILOT_APP_PASSWORD/);
    const noServer = await runChecker(['http://localhost:9'], CREDENTIALS);
    assert.equal(noServer.code, 2);
    assert.match(noServer.stderr, /no server answers/);
    assert.equal((await runChecker(['nope'], CREDENTIALS)).code, 2);
  });
});

describe('a correct application', () => {
  let app;
  let run;
  let report;
  before(async () => {
    app = await startApp();
    const json = path.join(tmp, 'good.json');
    run = await runChecker([app.base, '--json', json], CREDENTIALS);
    report = JSON.parse(await fs.readFile(json, 'utf8'));
  });
  after(() => new Promise((r) => { app.server.closeAllConnections(); app.server.close(r); }));

  test('exits 0 with no problem; the last line says 0 problem(s)', () => {
    assert.equal(run.code, 0, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
    assert.match(run.stdout.trim().split('\n').at(-1), /: 0 problem\(s\)$/);
    for (const s of report.steps) assert.deepEqual(s.problems, [], s.name);
  });

  test('runs every step, with axe really run', () => {
    const names = report.steps.map((s) => s.name);
    for (const n of ['anonymous /', 'anonymous /connexion', 'anonymous /rgpd', 'anonymous /rapport/2026-01-01/index.html', 'keyboard login on /connexion',
      'logged in /modeles/t', 'logged in /predire/t', 'logged in /rapport/2026-01-01/a.html', 'logged in /rapport/2026-01-01/b.html',
      'predict t (keyboard, Enter on the button)', 'bad values on /predire/t (keyboard, Enter on the button)', 'anonymous /predire/t -> login -> back']) {
      assert.ok(names.includes(n), `missing step ${n} in ${names.join(' | ')}`);
    }
    for (const s of report.steps.filter((x) => 'axeRulesPassed' in x.checks)) assert.ok(s.checks.axeRulesPassed >= 15, `${s.name}: ${s.checks.axeRulesPassed}`);
  });

  test('the form was filled with the keyboard and the values reached the server', () => {
    const s = report.steps.find((x) => x.name.startsWith('predict t'));
    assert.deepEqual(s.checks.filled, ['x=1 234,5', 'd=01/01/2020', 'c=A', 'b=oui']);
    assert.equal(s.checks.prediction, 't : 42 (x=1 234,5, c=A, b=oui)');
    const bad = report.steps.find((x) => x.name.startsWith('bad values'));
    assert.equal(bad.checks.errorLinkFocus, 'champ-x');
    assert.deepEqual(bad.checks.errors.map((e) => e.invalid), ['true', 'true']);
  });
});

describe('a broken application', () => {
  let app;
  let run;
  let report;
  const kinds = (name) => report.steps.find((s) => s.name === name)?.problems.map((p) => `${p.kind}${p.kind === 'axe' ? ` ${p.rule}` : ''}`) ?? [`no step ${name}`];
  before(async () => {
    app = await startApp({ broken: true });
    const json = path.join(tmp, 'bad.json');
    run = await runChecker([app.base, '--json', json], CREDENTIALS);
    report = JSON.parse(await fs.readFile(json, 'utf8'));
  });
  after(() => new Promise((r) => { app.server.closeAllConnections(); app.server.close(r); }));

  test('exits 1 and counts the problems on the last line', () => {
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stdout.trim().split('\n').at(-1), new RegExp(`: ${report.totals.problems} problem\\(s\\)$`));
    assert.ok(report.totals.problems > 0);
  });

  test('each fault is reported by its check', () => {
    assert.ok(kinds('anonymous /').includes('axe color-contrast'), kinds('anonymous /'));
    assert.ok(kinds('anonymous /rgpd').includes('skip-link'), kinds('anonymous /rgpd'));
    assert.ok(kinds('logged in /modeles/t').includes('reflow'), kinds('logged in /modeles/t'));
    assert.ok(kinds('logged in /rapport/2026-01-01/b.html').includes('csp-violation'), kinds('logged in /rapport/2026-01-01/b.html'));
    assert.ok(kinds('logged in /predire/t').includes('console-error'), kinds('logged in /predire/t'));
    const predict = kinds('predict t (keyboard, Enter on the button)');
    assert.ok(predict.includes('result') && predict.includes('focus'), predict); // no aria-live, focus not moved
    const bad = report.steps.find((s) => s.name.startsWith('bad values'));
    assert.ok(bad.problems.some((p) => p.kind === 'focus' && /#erreurs/.test(p.what)), JSON.stringify(bad.problems.map((p) => p.what)));
    assert.ok(bad.problems.some((p) => p.kind === 'errors' && /"31\/02\/2024" in #champ-d \(date\) was not rejected/.test(p.what)), JSON.stringify(bad.problems.map((p) => p.what)));
    assert.ok(bad.problems.some((p) => p.kind === 'errors' && /#champ-x is not aria-invalid="true"/.test(p.what)), JSON.stringify(bad.problems.map((p) => p.what)));
    assert.ok(kinds('anonymous /predire/t -> login -> back').includes('access'), kinds('anonymous /predire/t -> login -> back'));
  });
});
