#!/usr/bin/env node
// Accessibility and behaviour check of the running web application `datapilot serve`, in a real
// headless Chromium with axe-core (the tooling of check-site.mjs, whose rule set it imports).
//
//   DATAPILOT_APP_USER=alice DATAPILOT_APP_PASSWORD=... node scripts/a11y/check-app.mjs BASE_URL [--json OUT] [--quiet]
//
// The account must be an analyst (it predicts). In order, one browser, one tab at a time:
//   1. anonymously: /, /connexion, /rgpd and the latest report summary (/rapport/<date>/index.html,
//      linked from /): axe zero violation, first Tab stop a visible skip link, no sideways scroll at
//      640 px (200 % zoom);
//   2. keyboard-only login on /connexion (Tab to #nom and #mot-de-passe, type, Enter): back on /,
//      header "Connecté";
//   3. logged in: /, /rgpd, /modeles/<target> and /predire/<target> for every model of /api/models,
//      and up to three report pages from the summary's navigation: same page checks;
//   4. per target, keyboard only: fill a few fields of #formulaire (Tab, typing, ArrowDown in the
//      selects), submit with Enter or Space on the button; predire.js must replace #resultat (no page
//      load), which has aria-live="polite", holds .prediction and has the focus; axe on that state;
//   5. per target, bad values (abc in a number field, 31/02/2024 in a date field): #erreurs focused,
//      one link per error to #champ-<column> (following it with Enter focuses the field), the field
//      aria-invalid="true" and aria-describedby naming a message "Erreur ..." that quotes the value;
//      axe on that state;
//   6. anonymously, /predire/<target> redirects to /connexion?suite=/predire/<target>, and logging in
//      there with the keyboard lands on /predire/<target>.
// Console errors, uncaught script errors, CSP violations and failed same-origin requests are problems
// at every step. Exit status: 0 no problem, 1 problems, 2 usage or setup error (no server, no
// credentials, Chromium or node modules missing).

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

import {
  BEST_PRACTICE_FAILING, CHROMIUM_ARGS, DESKTOP, MAX_NODES, UsageError, WCAG_TAGS, ZOOM_200, formatProblem, parseCommonArgs, runAxe,
} from './check-site.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const STEP_TIMEOUT_MS = 30_000;
const MAX_REPORT_PAGES = 3;
const USER_ENV = 'DATAPILOT_APP_USER';
const PASSWORD_ENV = 'DATAPILOT_APP_PASSWORD';
const USAGE = `usage: ${USER_ENV}=NAME ${PASSWORD_ENV}=... node scripts/a11y/check-app.mjs BASE_URL [--json OUT] [--quiet]`;

export { UsageError };

// ---------------------------------------------------------------------------------------------
// Pure helpers (tested in test/check-app.test.mjs).

/** { base, json, quiet } from the command line; base without a trailing slash. */
export function parseArgs(argv) {
  const { positional, json, quiet } = parseCommonArgs(argv, 'missing BASE_URL (e.g. http://localhost:8099)');
  const args = { base: positional, json, quiet };
  let url;
  try {
    url = new URL(args.base);
  } catch {
    throw new UsageError(`BASE_URL ${args.base} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`BASE_URL ${args.base} is not http(s)`);
  if (url.search || url.hash) throw new UsageError(`BASE_URL ${args.base} must not have a query or fragment`);
  args.base = url.href.replace(/\/+$/, '');
  return args;
}

/**
 * A number as a French user types it: digits grouped by three with spaces, a decimal comma, at most
 * two decimals, no trailing zeros ("30500.0" -> "30 500", "1795.73" -> "1 795,73", "-0.5" -> "-0,5").
 */
export function frenchNumber(value) {
  const n = Number(value);
  if (value == null || value === '' || !Number.isFinite(n)) return null;
  const fixed = Math.abs(n).toFixed(2).replace(/\.?0+$/, '');
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const sign = n < 0 && fixed !== '0' ? '-' : '';
  return sign + grouped + (frac ? `,${frac}` : '');
}

/** "2015-02-11" or "2022-01-01 07:02:00" -> "11/02/2015"; null when it is not an ISO date. */
export function frenchDate(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(String(value ?? '').trim());
  return m ? `${m[3]}/${m[2]}/${m[1]}` : null;
}

/**
 * The fields to fill with valid values, at most one or two per kind, in the order of the form:
 * { name, kind, text } for inputs (typed), { name, kind, option } for selects (picked with ArrowDown).
 */
export function validInputs(features, formOrder = null) {
  const picked = [];
  const take = (kind, max, make) => {
    let n = 0;
    for (const f of features) {
      if (n >= max) break;
      if (f.kind !== kind) continue;
      const v = make(f);
      if (v == null) continue;
      picked.push({ name: f.name, kind, ...v });
      n++;
    }
  };
  // A number with decimals first, to type a decimal comma; then a whole one.
  const numbers = features.filter((f) => f.kind === 'numeric' && frenchNumber(f.typical) != null);
  const withComma = numbers.find((f) => frenchNumber(f.typical).includes(','));
  const whole = numbers.find((f) => f !== withComma);
  for (const f of [withComma, whole]) if (f) picked.push({ name: f.name, kind: 'numeric', text: frenchNumber(f.typical) });
  take('date', 1, (f) => { const d = frenchDate(f.min); return d ? { text: d } : null; });
  take('categorical', 2, (f) => (f.values?.length ? { option: String(f.values[0]) } : null));
  take('boolean', 1, () => ({ option: 'oui' }));
  return sortByForm(picked, formOrder);
}

/** Bad values: "abc" in the first number field, "31/02/2024" in the first date field. */
export function badInputs(features, formOrder = null) {
  const bad = [];
  const n = features.find((f) => f.kind === 'numeric');
  if (n) bad.push({ name: n.name, kind: 'numeric', text: 'abc' });
  const d = features.find((f) => f.kind === 'date');
  if (d) bad.push({ name: d.name, kind: 'date', text: '31/02/2024' });
  return sortByForm(bad, formOrder);
}

function sortByForm(inputs, formOrder) {
  if (!formOrder) return inputs;
  const pos = (i) => { const k = formOrder.indexOf(i.name); return k < 0 ? Number.MAX_SAFE_INTEGER : k; };
  return [...inputs].sort((a, b) => pos(a) - pos(b));
}

/** Problem text when the response to an anonymous restricted page is not the login redirect; null when it is. */
export function loginRedirectProblem(finalUrl, base, requestedPath) {
  const u = new URL(finalUrl);
  const b = new URL(base);
  if (u.origin !== b.origin || u.pathname !== '/connexion') return `ended on ${u.pathname}${u.search}, not on /connexion`;
  const suite = u.searchParams.get('suite');
  if (suite !== requestedPath) return `ended on /connexion but suite=${suite === null ? '(absent)' : JSON.stringify(suite)}, not ${JSON.stringify(requestedPath)}`;
  return null;
}

/** The report pages (same folder, *.html, not the summary) linked from the summary's navigation: first, middle, last. */
export function pickReportPages(hrefs, summaryUrl, max = MAX_REPORT_PAGES) {
  const summary = new URL(summaryUrl);
  const folder = summary.pathname.replace(/[^/]*$/, '');
  const seen = new Set();
  const pages = [];
  for (const h of hrefs) {
    let u;
    try { u = new URL(h, summary); } catch { continue; }
    if (u.origin !== summary.origin || !u.pathname.startsWith(folder) || !/\.html$/.test(u.pathname)) continue;
    if (u.pathname === summary.pathname || seen.has(u.pathname)) continue;
    seen.add(u.pathname);
    pages.push(u.pathname);
  }
  if (pages.length <= max) return pages;
  const idx = [...new Set(Array.from({ length: max }, (_, i) => Math.round((i * (pages.length - 1)) / (max - 1))))];
  return idx.map((i) => pages[i]);
}

// ---------------------------------------------------------------------------------------------
// Code run inside the page.

function skipLinkFacts() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { focused: false };
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  return {
    focused: true,
    tag: el.localName,
    href: el.getAttribute('href'),
    html: el.outerHTML.slice(0, 160),
    visible: r.width > 1 && r.height > 1 && r.x >= 0 && r.y >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5
      && cs.visibility === 'visible' && (cs.clipPath === 'none' || !cs.clipPath) && (cs.clip === 'auto' || !cs.clip),
    box: `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`,
    outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && cs.outlineColor !== 'transparent' && !/,\s*0\)$/.test(cs.outlineColor),
    shadow: cs.boxShadow && cs.boxShadow !== 'none',
    targetExists: !!(el.getAttribute('href') || '').slice(1) && !!document.getElementById(decodeURIComponent((el.getAttribute('href') || '').slice(1))),
  };
}

function overflowFacts() {
  const root = document.documentElement;
  const limit = root.clientWidth + 1;
  const out = { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, offenders: [] };
  if (root.scrollWidth <= limit) return out;
  const name = (e) => e.localName + (e.id ? `#${e.id}` : '') + (e.classList.length ? `.${[...e.classList].join('.')}` : '');
  const scrolls = (e) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(e).overflowX);
  const walk = (e, trail) => {
    for (const c of e.children) {
      if (out.offenders.length >= 5) return;
      if (getComputedStyle(c).display === 'none') continue;
      const r = c.getBoundingClientRect();
      if (r.right > limit && r.width > 0) out.offenders.push(`${[...trail, name(c)].join(' > ')} (${Math.round(r.width)} px wide)`);
      else if (!scrolls(c)) walk(c, [...trail, name(c)]);
    }
  };
  walk(document.body, ['body']);
  return out;
}


// ---------------------------------------------------------------------------------------------
// Steps and problems.

function cspWhy(v, file, p) {
  const lines = p.lines.length ? ` line(s) ${p.lines.slice(0, 12).join(', ')}${p.lines.length > 12 ? ', ...' : ''}` : '';
  return `${p.count} violation(s) of ${v.violatedDirective} in ${file}${lines}${v.sample ? `; sample: ${v.sample}` : ''}`;
}

function problem(kind, what, why, fix = '', extra = {}) {
  return { kind, rule: extra.rule ?? kind, what, why, fix, ...extra };
}

function axeProblem(v, note = '') {
  return problem('axe', v.help + note, v.nodes[0]?.failureSummary ?? v.description, `${v.description} See ${v.helpUrl}`, {
    rule: v.id,
    impact: v.impact,
    selector: v.nodes.map((n) => n.target.join(' ')).join(', '),
    nodeCount: v.nodeCount,
    nodes: v.nodes.slice(0, MAX_NODES),
  });
}

class Run {
  constructor(base, axeSource) {
    this.base = base;
    this.origin = new URL(base).origin;
    this.axeSource = axeSource;
    this.steps = [];
    this.current = null;
  }

  url(p) { return this.base + p; }

  /** Runs fn as a named step (30 s at most); its problems and the page's console/CSP errors meanwhile go to it. */
  async step(name, fn) {
    const s = { name, ok: true, problems: [], warnings: [], checks: {}, durationMs: 0 };
    this.steps.push(s);
    this.current = s;
    const t0 = Date.now();
    let timer;
    try {
      return await Promise.race([
        fn(s),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS); }),
      ]);
    } catch (e) {
      s.problems.push(problem('step-error', 'The step could not be completed', String(e.message ?? e).split('\n')[0],
        'See the other problems of this step; the page must load and react within 30 s.'));
      return null;
    } finally {
      clearTimeout(timer);
      // Console and CSP reports travel asynchronously: one round trip so that they land in this step.
      if (this.page && !this.page.isClosed()) await this.page.evaluate(() => new Promise((r) => setTimeout(r, 50))).catch(() => {});
      s.durationMs = Date.now() - t0;
      s.ok = s.problems.length === 0;
      this.current = null;
    }
  }

  add(p) { (this.current ?? this.steps[this.steps.length - 1]).problems.push(p); }

  warn(p) { (this.current ?? this.steps[this.steps.length - 1]).warnings.push(p); }

  /** A new tab whose console errors, script errors, CSP violations and failed requests become problems. */
  async newPage(context) {
    const page = await context.newPage();
    this.page = page;
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      if (/Content Security Policy/i.test(text)) return; // reported with its details by securitypolicyviolation
      const loc = msg.location();
      const allowed = page.expectedErrorStatus && /Failed to load resource: the server responded with a status of (\d+)/.exec(text);
      if (allowed && page.expectedErrorStatus.has(Number(allowed[1])) && loc?.url?.startsWith(this.origin)) return;
      if (loc?.url === `${this.origin}/favicon.ico`) {
        this.add(problem('console-error', 'The browser\'s automatic request of /favicon.ico fails (console error)', text.slice(0, 200),
          'Serve /favicon.ico, or declare an icon the server has: <link rel="icon" href="/static/favicon.svg"> (a data: URL is blocked by img-src \'self\').'));
        return;
      }
      this.add(problem('console-error', 'The page logged an error in the console', `${text.slice(0, 300)}${loc?.url ? ` (at ${loc.url}:${loc.lineNumber})` : ''}`,
        'Fix the script or the resource; the application must run without console errors.'));
    });
    page.on('pageerror', (err) => this.add(problem('script-error', 'A script of the page threw an uncaught error', String(err.message ?? err).slice(0, 300), 'Fix the script.')));
    page.on('requestfailed', (req) => {
      if (!req.url().startsWith(this.origin)) return;
      const why = req.failure()?.errorText ?? '';
      if (/ERR_ABORTED/.test(why) && req.resourceType() === 'document') return; // a navigation replaced by the next one
      this.add(problem('request-failed', `Request failed: ${req.method()} ${req.url().slice(this.origin.length)}`, why, 'Make the resource load.'));
    });
    page.on('response', (resp) => {
      const req = resp.request();
      if (!resp.url().startsWith(this.origin) || resp.status() < 400) return;
      if (req.resourceType() === 'document' || req.resourceType() === 'fetch') return; // the steps check these themselves
      this.add(problem('broken-resource', `Resource ${resp.url().slice(this.origin.length)} answered HTTP ${resp.status()}`,
        `requested by the page as ${req.resourceType()}`, 'Serve the file or fix the path.'));
    });
    await page.exposeBinding('__datapilotCspViolation', (_src, v) => {
      // One problem per directive, blocked URL and document; the lines are listed.
      const step = this.current ?? this.steps[this.steps.length - 1];
      const file = v.sourceFile || v.documentURI;
      const key = `${v.effectiveDirective} ${v.blockedURI} ${file}`;
      const same = step.problems.find((p) => p.kind === 'csp-violation' && p.key === key);
      if (same) {
        same.count++;
        if (v.lineNumber && !same.lines.includes(v.lineNumber)) same.lines.push(v.lineNumber);
        same.why = cspWhy(v, file, same);
        return;
      }
      const p = problem('csp-violation', `Content-Security-Policy (${v.effectiveDirective}) blocked ${v.blockedURI || '(inline)'}`, '',
        v.effectiveDirective.startsWith('style-src')
          ? 'No style="..." attribute nor <style> element (also inside inline SVG): classes and rules in the served .css (the policy allows only \'self\').'
          : 'No inline script nor event-handler attribute: code in the served .js files (the policy allows only \'self\').',
        { key, count: 1, lines: v.lineNumber ? [v.lineNumber] : [], sample: v.sample });
      p.why = cspWhy(v, file, p);
      step.problems.push(p);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        // eslint-disable-next-line no-undef
        window.__datapilotCspViolation({
          blockedURI: e.blockedURI, violatedDirective: e.violatedDirective, effectiveDirective: e.effectiveDirective,
          sourceFile: e.sourceFile, lineNumber: e.lineNumber, sample: e.sample, documentURI: e.documentURI,
        });
      });
    });
    return page;
  }

  /** Loads path and checks it as loaded: HTTP 200, skip link as first Tab stop, axe, reflow at 640 px. */
  async loadAndCheck(page, p, s) {
    await page.setViewportSize(DESKTOP);
    const resp = await page.goto(this.url(p), { waitUntil: 'load' });
    if (!resp || resp.status() !== 200) {
      s.problems.push(problem('http-status', `GET ${p} answered HTTP ${resp?.status()}`, `final URL ${page.url()}`, 'The page must answer 200.'));
      return false;
    }
    await page.evaluate(() => document.fonts?.ready.then(() => undefined));
    await this.checkSkipLink(page, s);
    await this.checkState(page, s, { reflow: true });
    return true;
  }

  async checkSkipLink(page, s) {
    await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => {
      const r = document.activeElement?.getBoundingClientRect();
      return !r || (r.top >= 0 && r.left >= 0 && r.width > 1);
    }, null, { timeout: 1000 }).catch(() => {});
    const f = await page.evaluate(skipLinkFacts);
    s.checks.firstTabStop = f.focused ? f.html : null;
    const fix = 'Make the first element of <body> <a class="skip-link" href="#contenu">Aller au contenu</a>, shown when focused, with a visible outline.';
    if (!f.focused || f.tag !== 'a' || !f.href?.startsWith('#') || f.href.length < 2) {
      s.problems.push(problem('skip-link', 'The first Tab stop must be a skip link', f.focused ? `Tab focused ${f.html}` : 'Tab focused nothing', fix));
    } else {
      if (!f.targetExists) s.problems.push(problem('skip-link', `The skip link target ${f.href} does not exist`, f.html, fix));
      if (!f.visible) s.problems.push(problem('skip-link-hidden', 'The focused skip link is not visible', `box ${f.box}: ${f.html}`, fix));
      if (!f.outline && !f.shadow) s.problems.push(problem('focus-indicator', 'The focused skip link shows no focus indicator', f.html, fix));
    }
    await page.evaluate(() => document.activeElement?.blur());
  }

  /** axe (WCAG 2.0/2.1 A+AA and BEST_PRACTICE_FAILING) on the current state; optionally the 640 px reflow. Keeps the focus. */
  async checkState(page, s, { reflow = true } = {}) {
    const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
    // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not
    // govern: a <script> tag would be blocked, and the context keeps the CSP on to catch violations.
    if (!loaded) await page.evaluate(`${this.axeSource}\n;void 0`);
    const r = await runAxe(page, { runOnly: { type: 'tag', values: [...WCAG_TAGS, 'best-practice'] }, resultTypes: ['violations', 'incomplete'] });
    s.checks.axeRulesPassed = r.passes.length;
    s.checks.axeRulesViolated = r.violations.length;
    for (const v of r.violations) {
      if (v.tags.some((t) => WCAG_TAGS.includes(t)) || BEST_PRACTICE_FAILING.includes(v.id)) s.problems.push(axeProblem(v));
      else s.warnings.push(axeProblem(v));
    }
    for (const v of r.incomplete) s.warnings.push({ ...axeProblem(v, ' (axe could not decide: check by hand)'), kind: 'axe-incomplete' });
    if (!reflow) return;
    await page.setViewportSize(ZOOM_200);
    await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res))));
    const o = await page.evaluate(overflowFacts);
    s.checks.widthAt640 = o.scrollWidth;
    if (o.scrollWidth > o.clientWidth + 1) {
      s.problems.push(problem('reflow', 'The page scrolls horizontally at 200 % zoom (640 CSS px wide)',
        `document ${o.scrollWidth} px > viewport ${o.clientWidth} px; sticking out: ${o.offenders.join('; ') || 'no single element found'}`,
        'Fluid widths; wide tables in a focusable scroll wrapper (tabindex="0" role="region" with a name).', { selector: o.offenders.join(', ') }));
    }
    const narrow = await runAxe(page, { runOnly: { type: 'rule', values: ['scrollable-region-focusable'] }, resultTypes: ['violations'] });
    const seen = new Set(r.violations.map((v) => v.id));
    for (const v of narrow.violations) if (!seen.has(v.id)) s.problems.push(axeProblem(v, ' (at 640 px, 200 % zoom)'));
    await page.setViewportSize(DESKTOP);
  }
}

/** Presses Tab until the element matching selector has the focus; false after max presses. */
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return true;
    await page.keyboard.press('Tab');
  }
  return page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
}

const fieldSelector = (name) => `#${cssEscape(`champ-${name}`)}`;
function cssEscape(id) { return id.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`); }

async function activeId(page) {
  return page.evaluate(() => (document.activeElement && document.activeElement !== document.body ? (document.activeElement.id || document.activeElement.outerHTML.slice(0, 100)) : '(body)'));
}

/** Logs in with the keyboard on the current /connexion page; returns true when the header says "Connecté". */
async function keyboardLogin(run, page, s, user, password, expectedPath) {
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  if (!(await tabTo(page, '#nom', 40))) {
    s.problems.push(problem('keyboard', 'Tab never reaches the user name field #nom', `focus ended on ${await activeId(page)}`, 'Keep the login fields in the Tab order (no tabindex="-1", no disabled).'));
    return false;
  }
  await page.keyboard.type(user);
  await page.keyboard.press('Tab');
  if (!(await page.evaluate(() => document.activeElement?.id === 'mot-de-passe'))) {
    s.problems.push(problem('keyboard', 'The Tab after #nom does not reach #mot-de-passe', `focus on ${await activeId(page)}`, 'Put the password field right after the user name field.'));
    if (!(await tabTo(page, '#mot-de-passe', 10))) return false;
  }
  await page.keyboard.type(password);
  const navigated = page.waitForNavigation({ waitUntil: 'load' });
  await page.keyboard.press('Enter');
  const resp = await navigated;
  const u = new URL(page.url());
  s.checks.landedOn = u.pathname + u.search;
  if (u.pathname === '/connexion') {
    const msg = await page.locator('main').innerText().catch(() => '');
    s.problems.push(problem('login', 'Enter in the password field did not log in', `still on ${u.pathname}${u.search} (HTTP ${resp?.status()}): ${msg.replace(/\s+/g, ' ').slice(0, 200)}`,
      `Check ${USER_ENV}/${PASSWORD_ENV} (an analyst account) and the login form.`));
    return false;
  }
  if (u.pathname !== expectedPath) {
    s.problems.push(problem('login', `After the login the browser is on ${u.pathname}, not ${expectedPath}`, `URL ${page.url()}`, 'Redirect to the "suite" page (default /) after the login.'));
  }
  const header = (await page.locator('header').first().innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
  s.checks.header = header;
  if (!/(^|[^\p{L}])Connecté/u.test(header)) {
    s.problems.push(problem('login', 'The header does not say "Connecté" after the login', `header: ${JSON.stringify(header.slice(0, 160))}`, 'Show "Connecté : NAME (role)" in the header.'));
    return false;
  }
  return true;
}

/** Fills inputs with the keyboard only: Tab to each field, type (inputs) or ArrowDown to the option (selects). */
async function keyboardFill(page, s, inputs) {
  for (const input of inputs) {
    const sel = fieldSelector(input.name);
    const info = await page.evaluate((q) => {
      const el = document.querySelector(q);
      if (!el) return null;
      const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
      return { tag: el.localName, type: el.getAttribute('type'), label: label ? label.textContent.trim() : null,
        options: el.localName === 'select' ? [...el.options].map((o) => o.value) : null };
    }, sel);
    if (!info) {
      s.problems.push(problem('form', `No field ${sel} for the column ${input.name}`, 'Every model feature needs a field id="champ-<column>".', 'Render the field.'));
      continue;
    }
    if (!info.label) s.problems.push(problem('form', `${sel} has no <label for>`, `column ${input.name}`, `<label for="champ-${input.name}">`));
    const wantSelect = input.option != null;
    if (wantSelect && info.tag !== 'select') s.problems.push(problem('form', `${sel} (${input.kind}) is a <${info.tag}>, not a <select>`, '', 'Categorical and boolean fields are <select>.'));
    if (!wantSelect && !(info.tag === 'input' && info.type === 'text')) s.problems.push(problem('form', `${sel} (${input.kind}) is <${info.tag} type=${info.type}>, not <input type="text">`, '', 'Numbers and dates are typed in text inputs (French formats).'));
    if (wantSelect && info.options && info.options[0] !== '') s.problems.push(problem('form', `The first option of ${sel} is not the empty "Inconnu" one`, `options: ${info.options.slice(0, 4).join(', ')}`, '<option value="">Inconnu</option> first.'));
    if (!(await tabTo(page, sel))) {
      s.problems.push(problem('keyboard', `Tab never reaches ${sel}`, `focus ended on ${await activeId(page)}`, 'Keep every field in the Tab order.'));
      continue;
    }
    if (info.tag === 'select') {
      if (!info.options.includes(input.option)) {
        s.problems.push(problem('form', `${sel} has no option ${JSON.stringify(input.option)}`, `options: ${info.options.slice(0, 6).join(', ')}`, 'Offer the values of /api/models (booleans: oui/non).'));
        continue;
      }
      let value = await page.evaluate((q) => document.querySelector(q).value, sel);
      for (let i = 0; i < info.options.length && value !== input.option; i++) {
        await page.keyboard.press('ArrowDown');
        value = await page.evaluate((q) => document.querySelector(q).value, sel);
      }
      if (value !== input.option) s.problems.push(problem('keyboard', `ArrowDown in ${sel} never selects ${JSON.stringify(input.option)}`, `value ${JSON.stringify(value)}`, 'A plain <select> (no script-driven widget).'));
    } else {
      await page.keyboard.type(input.text);
      const value = await page.evaluate((q) => document.querySelector(q).value, sel);
      if (value !== input.text) s.problems.push(problem('keyboard', `Typing in ${sel} gave ${JSON.stringify(value)}, not ${JSON.stringify(input.text)}`, '', 'No maxlength/pattern script that eats characters.'));
    }
  }
}

/** Tab to the submit button of #formulaire and press key; resolves to whether the page reloaded. */
async function keyboardSubmit(page, s, key) {
  const button = '#formulaire form button[type="submit"], #formulaire form input[type="submit"]';
  if (!(await tabTo(page, button))) {
    s.problems.push(problem('keyboard', 'Tab never reaches the submit button of #formulaire', `focus ended on ${await activeId(page)}`, 'A <button type="submit"> in the form.'));
    return null;
  }
  let reloaded = false;
  const onNav = (frame) => { if (frame === page.mainFrame()) reloaded = true; };
  page.on('framenavigated', onNav);
  await page.keyboard.press(key);
  return { stop: () => { page.off('framenavigated', onNav); return reloaded; } };
}

async function predictValid(run, page, s, model, key) {
  const order = await page.evaluate(() => [...document.querySelectorAll('#formulaire form [id^="champ-"]')].map((e) => e.id.slice('champ-'.length)));
  const inputs = validInputs(model.features, order);
  s.checks.filled = inputs.map((i) => `${i.name}=${i.text ?? i.option}`);
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await keyboardFill(page, s, inputs);
  const submitted = await keyboardSubmit(page, s, key);
  if (!submitted) return;
  const appeared = await page.waitForSelector('#resultat .prediction', { timeout: 15_000 }).then(() => true, () => false);
  // predire.js moves the focus after replacing the content: give it a frame.
  await page.waitForFunction(() => document.activeElement?.id === 'resultat', null, { timeout: 2000 }).catch(() => {});
  const reloaded = submitted.stop();
  if (reloaded) s.problems.push(problem('script', 'Submitting reloaded the page: predire.js did not post the form with fetch', `URL ${page.url()}`, 'Check /static/predire.js loads (CSP, path) and handles the submit event.'));
  if (!appeared) {
    const text = await page.locator('#resultat').innerText().catch(() => '(no #resultat)');
    const errors = await page.locator('#erreurs').innerText().catch(() => '');
    s.problems.push(problem('result', 'No #resultat .prediction 15 s after submitting valid values', `#resultat: ${text.replace(/\s+/g, ' ').slice(0, 200)}${errors ? `; #erreurs: ${errors.replace(/\s+/g, ' ').slice(0, 300)}` : ''}`,
      'Valid French values (filled above) must give a prediction.'));
    return;
  }
  const f = await page.evaluate(() => {
    const r = document.querySelector('#resultat');
    return { live: r.getAttribute('aria-live'), active: document.activeElement?.id || document.activeElement?.localName, tabindex: r.getAttribute('tabindex'),
      text: r.querySelector('.prediction').textContent.replace(/\s+/g, ' ').trim().slice(0, 200) };
  });
  s.checks.prediction = f.text;
  if (f.live !== 'polite') s.problems.push(problem('result', '#resultat is not an aria-live="polite" region', `aria-live=${JSON.stringify(f.live)}`, '<section id="resultat" aria-live="polite" tabindex="-1">'));
  if (f.active !== 'resultat') s.problems.push(problem('focus', 'The focus did not move to #resultat after the prediction', `focus on ${f.active} (tabindex of #resultat: ${f.tabindex})`, 'tabindex="-1" on #resultat and focus() after the replacement.'));
  if (!f.text) s.problems.push(problem('result', '#resultat .prediction is empty', '', 'Write the prediction.'));
  await run.checkState(page, s, { reflow: true });
}

async function predictBad(run, page, s, model, key) {
  const order = await page.evaluate(() => [...document.querySelectorAll('#formulaire form [id^="champ-"]')].map((e) => e.id.slice('champ-'.length)));
  const inputs = badInputs(model.features, order);
  s.checks.filled = inputs.map((i) => `${i.name}=${i.text}`);
  if (inputs.length === 0) {
    s.warnings.push(problem('form', 'The model has no number or date field: no bad value to try', '', ''));
    return;
  }
  page.expectedErrorStatus = new Set([400, 422]); // the POST of a bad value may answer 4xx, as a plain form post must
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await keyboardFill(page, s, inputs);
  const submitted = await keyboardSubmit(page, s, key);
  if (!submitted) return;
  const appeared = await page.waitForSelector('#erreurs', { timeout: 15_000 }).then(() => true, () => false);
  await page.waitForFunction(() => document.activeElement?.id === 'erreurs', null, { timeout: 2000 }).catch(() => {});
  const reloaded = submitted.stop();
  if (reloaded) s.problems.push(problem('script', 'Submitting reloaded the page: predire.js did not post the form with fetch', `URL ${page.url()}`, 'Check /static/predire.js.'));
  if (!appeared) {
    const text = await page.locator('#resultat').innerText().catch(() => '(no #resultat)');
    s.problems.push(problem('errors', 'No error summary #erreurs 15 s after submitting bad values', `#resultat: ${text.replace(/\s+/g, ' ').slice(0, 200)}`, 'Answer bad values with the form, an #erreurs summary and per-field messages.'));
    return;
  }
  const facts = await page.evaluate((bad) => {
    const summary = document.querySelector('#erreurs');
    const out = { active: document.activeElement?.id || document.activeElement?.localName, summaryTabindex: summary.getAttribute('tabindex'), fields: [] };
    for (const b of bad) {
      const id = `champ-${b.name}`;
      const el = document.getElementById(id);
      const links = [...summary.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href') === `#${id}`);
      const described = (el?.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      const messages = described.map((d) => ({ id: d, exists: !!document.getElementById(d), text: (document.getElementById(d)?.textContent || '').replace(/\s+/g, ' ').trim() }));
      out.fields.push({ name: b.name, kind: b.kind, text: b.text, exists: !!el, value: el?.value, invalid: el?.getAttribute('aria-invalid'), links: links.length, linkText: links[0]?.textContent.trim(), messages });
    }
    return out;
  }, inputs);
  s.checks.errors = facts.fields.map((f) => ({ field: f.name, invalid: f.invalid, messages: f.messages.map((m) => m.text) }));
  if (facts.active !== 'erreurs') s.problems.push(problem('focus', 'The focus did not move to the error summary #erreurs', `focus on ${facts.active} (tabindex of #erreurs: ${facts.summaryTabindex})`, 'tabindex="-1" on #erreurs and focus() after the replacement.'));
  for (const f of facts.fields) {
    const sel = fieldSelector(f.name);
    if (!f.exists) { s.problems.push(problem('errors', `${sel} is gone after the error answer`, '', 'Re-render the form with the fields.')); continue; }
    const err = f.messages.find((m) => m.exists && m.text.startsWith('Erreur'));
    if (f.links === 0 && f.invalid !== 'true' && !err) {
      s.problems.push(problem('errors', `The bad value ${JSON.stringify(f.text)} in ${sel} (${f.kind}) was not rejected`,
        `no link to it in #erreurs, no aria-invalid, no "Erreur" message; described by: ${JSON.stringify(f.messages.map((m) => m.text.slice(0, 80)))}`,
        f.kind === 'date' ? 'Parse dates strictly: DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT) (the default SMART style turns 31/02 into 29/02).' : 'Reject it with a per-field error.'));
      continue;
    }
    if (f.links === 0) s.problems.push(problem('errors', `#erreurs has no link to #champ-${f.name}`, `bad value ${JSON.stringify(f.text)}`, `<a href="#champ-${f.name}">label: message</a> in the summary.`));
    if (f.invalid !== 'true') s.problems.push(problem('errors', `${sel} is not aria-invalid="true" after the bad value ${JSON.stringify(f.text)}`, `aria-invalid=${JSON.stringify(f.invalid)}`, 'aria-invalid="true" on the field in error.'));
    for (const m of f.messages) if (!m.exists) s.problems.push(problem('errors', `aria-describedby of ${sel} names a missing id "${m.id}"`, '', 'Point aria-describedby at existing ids.'));
    if (!err) {
      s.problems.push(problem('errors', `aria-describedby of ${sel} names no message starting with "Erreur"`, `described by: ${JSON.stringify(f.messages.map((m) => `${m.id}: ${m.text.slice(0, 60)}`))}`,
        `<p id="champ-${f.name}-erreur">Erreur : ...</p> and add its id to aria-describedby.`));
    } else if (!err.text.includes(f.text)) {
      s.problems.push(problem('errors', `The message of ${sel} does not quote the bad value ${JSON.stringify(f.text)}`, `message: ${JSON.stringify(err.text.slice(0, 160))}`, 'Say what is wrong with the value typed.'));
    }
    if (f.value !== f.text) s.warnings.push(problem('errors', `${sel} no longer holds the typed value after the error answer`, `value ${JSON.stringify(f.value)}`, 'Give the user their input back to correct it.'));
  }
  await run.checkState(page, s, { reflow: true });
  // Following the first error link with the keyboard puts the focus on its field.
  const first = facts.fields.find((f) => f.links > 0);
  if (first && facts.active === 'erreurs') {
    const link = `#erreurs a[href="#champ-${CSS_ESCAPE_ATTR(first.name)}"]`;
    if (await tabTo(page, link, 20)) {
      await page.keyboard.press('Enter');
      await page.waitForFunction((id) => document.activeElement?.id === id, `champ-${first.name}`, { timeout: 2000 }).catch(() => {});
      const now = await activeId(page);
      s.checks.errorLinkFocus = now;
      if (now !== `champ-${first.name}`) s.problems.push(problem('focus', `Enter on the error link to #champ-${first.name} does not focus the field`, `focus on ${now}`, 'A plain <a href="#champ-...">; no script that prevents it.'));
    } else {
      s.problems.push(problem('keyboard', `Tab from #erreurs never reaches its link to #champ-${first.name}`, `focus on ${await activeId(page)}`, 'Links inside the summary, right after its heading.'));
    }
  }
  page.expectedErrorStatus = null;
}

function CSS_ESCAPE_ATTR(s) { return s.replace(/["\\]/g, '\\$&'); }

// ---------------------------------------------------------------------------------------------
// Report.


async function checkApp(run, browser, user, password) {
  const { base } = run;
  let summaryPath = null;
  let targets = [];
  let models = [];

  // 1. Anonymous pages.
  let context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
  let page = await run.newPage(context);
  for (const p of ['/', '/connexion', '/rgpd']) {
    await run.step(`anonymous ${p}`, async (s) => {
      await run.loadAndCheck(page, p, s);
      if (p === '/') {
        const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
        summaryPath = hrefs.map((h) => new URL(h, page.url())).find((u) => u.origin === run.origin && /^\/rapport\/[^/]+\/index\.html$/.test(u.pathname))?.pathname ?? null;
        s.checks.summary = summaryPath;
        if (!summaryPath) s.problems.push(problem('report-link', 'The dashboard links no report summary /rapport/<date>/index.html', `links: ${hrefs.join(' ')}`, 'Link the latest report from /.'));
      }
    });
  }
  if (summaryPath) await run.step(`anonymous ${summaryPath}`, async (s) => { await run.loadAndCheck(page, summaryPath, s); });

  // 2. Keyboard login from /connexion.
  const loggedIn = await run.step('keyboard login on /connexion', async (s) => {
    const resp = await page.goto(run.url('/connexion'), { waitUntil: 'load' });
    if (resp?.status() !== 200) {
      s.problems.push(problem('http-status', `GET /connexion answered HTTP ${resp?.status()}`, '', ''));
      return false;
    }
    return keyboardLogin(run, page, s, user, password, '/');
  });
  if (!loggedIn) {
    await context.close();
    return;
  }

  // 3. Logged-in pages.
  await run.step('models from /api/models', async (s) => {
    const resp = await page.request.get(run.url('/api/models'), { headers: { Accept: 'application/json' } });
    s.checks.status = resp.status();
    if (resp.status() !== 200) {
      s.problems.push(problem('api', `GET /api/models with the session cookie answered HTTP ${resp.status()}`, (await resp.text()).slice(0, 200), 'The logged-in browser session must reach the API.'));
      return;
    }
    const body = await resp.json().catch(() => null);
    models = Array.isArray(body?.models) ? body.models : [];
    targets = models.map((m) => m.target).filter((t) => typeof t === 'string' && t);
    s.checks.targets = targets;
    if (targets.length === 0) s.problems.push(problem('api', '/api/models lists no model', JSON.stringify(body).slice(0, 200), 'Serve at least one model (datapilot run first).'));
    for (const m of models) if (!Array.isArray(m.features) || m.features.length === 0) s.problems.push(problem('api', `/api/models: ${m.target} has no features`, '', ''));
  });
  for (const p of ['/', '/rgpd', ...targets.flatMap((t) => [`/modeles/${encodeURIComponent(t)}`, `/predire/${encodeURIComponent(t)}`])]) {
    await run.step(`logged in ${p}`, async (s) => { await run.loadAndCheck(page, p, s); });
  }
  if (summaryPath) {
    let reportPages = [];
    await run.step(`logged in ${summaryPath}`, async (s) => {
      if (!(await run.loadAndCheck(page, summaryPath, s))) return;
      const hrefs = await page.$$eval('nav a[href]', (as) => as.map((a) => a.getAttribute('href')));
      reportPages = pickReportPages(hrefs, page.url());
      s.checks.reportPages = reportPages;
      if (reportPages.length === 0) s.problems.push(problem('report-link', 'The summary navigation links no other report page', `nav links: ${hrefs.join(' ')}`, ''));
    });
    for (const p of reportPages) await run.step(`logged in ${p}`, async (s) => { await run.loadAndCheck(page, p, s); });
  }

  // 4-5. The prediction form, keyboard only.
  let k = 0;
  for (const model of models) {
    const p = `/predire/${encodeURIComponent(model.target)}`;
    const key = k++ % 2 === 0 ? 'Enter' : 'Space';
    await run.step(`predict ${model.target} (keyboard, ${key} on the button)`, async (s) => {
      const resp = await page.goto(run.url(p), { waitUntil: 'load' });
      if (resp?.status() !== 200) { s.problems.push(problem('http-status', `GET ${p} answered HTTP ${resp?.status()}`, '', '')); return; }
      await predictValid(run, page, s, model, key);
    });
    await run.step(`bad values on ${p} (keyboard, ${key} on the button)`, async (s) => {
      const resp = await page.goto(run.url(p), { waitUntil: 'load' });
      if (resp?.status() !== 200) { s.problems.push(problem('http-status', `GET ${p} answered HTTP ${resp?.status()}`, '', '')); return; }
      await predictBad(run, page, s, model, key);
    });
  }
  await context.close();

  // 6. A restricted page anonymously: to the login, and back after it.
  if (targets.length) {
    context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
    page = await run.newPage(context);
    const p = `/predire/${encodeURIComponent(targets[0])}`;
    await run.step(`anonymous ${p} -> login -> back`, async (s) => {
      const resp = await page.goto(run.url(p), { waitUntil: 'load' });
      s.checks.redirectedTo = page.url();
      const why = loginRedirectProblem(page.url(), base, p);
      if (why) {
        s.problems.push(problem('access', `Anonymous GET ${p} does not redirect to /connexion?suite=${p}`, `${why} (HTTP ${resp?.status()})`, 'Redirect (302/303) anonymous visitors of restricted pages to /connexion?suite=PATH.'));
        return;
      }
      await keyboardLogin(run, page, s, user, password, p);
    });
    await context.close();
  }
}

export async function main(argv, env = process.env) {
  const started = Date.now();
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) console.error(`check-app: ${e.message}`);
      console.error(USAGE);
      return 2;
    }
    throw e;
  }
  const user = env[USER_ENV];
  const password = env[PASSWORD_ENV];
  if (!user || !password) {
    console.error(`check-app: set ${USER_ENV} and ${PASSWORD_ENV} to an analyst account of the server (never on the command line)`);
    console.error(USAGE);
    return 2;
  }
  let chromium;
  let axeSource;
  try {
    axeSource = await fsp.readFile(path.join(HERE, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    console.error(`check-app: the checker's node modules are missing (${e.code ?? e.message}): run \`npm ci --prefix scripts/a11y\` (or scripts/a11y/setup)`);
    return 2;
  }
  const executablePath = env.CHROMIUM || '/usr/bin/chromium';
  try {
    fs.accessSync(executablePath, fs.constants.X_OK);
  } catch {
    console.error(`check-app: Chromium not found at ${executablePath}: run \`apt-get install -y chromium\` (or scripts/a11y/setup), or set CHROMIUM to its path`);
    return 2;
  }
  try {
    const resp = await fetch(`${args.base}/connexion`, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    await resp.body?.cancel();
  } catch (e) {
    console.error(`check-app: no server answers at ${args.base} (${e.cause?.code ?? e.message}): start \`datapilot serve\` first`);
    return 2;
  }

  let browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: STEP_TIMEOUT_MS });
  } catch (e) {
    console.error(`check-app: Chromium at ${executablePath} did not start: ${String(e.message).split('\n')[0]}`);
    return 2;
  }
  const run = new Run(args.base, axeSource);
  try {
    await checkApp(run, browser, user, password);
    const report = {
      base: args.base,
      user,
      checkedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      chromium: browser.version(),
      axe: JSON.parse(await fsp.readFile(path.join(HERE, 'node_modules', 'axe-core', 'package.json'), 'utf8')).version,
      rules: { wcagTags: WCAG_TAGS, bestPracticeFailing: BEST_PRACTICE_FAILING },
      steps: run.steps,
    };
    report.totals = {
      steps: run.steps.length,
      stepsWithProblems: run.steps.filter((s) => s.problems.length).length,
      problems: run.steps.reduce((n, s) => n + s.problems.length, 0),
      warnings: run.steps.reduce((n, s) => n + s.warnings.length, 0),
    };
    for (const s of run.steps) {
      if (s.ok) console.log(`OK    ${s.name} (${s.durationMs} ms${s.warnings.length ? `, ${s.warnings.length} warning(s)` : ''})`);
      else {
        console.log(`FAIL  ${s.name} (${s.durationMs} ms): ${s.problems.length} problem(s)`);
        for (const p of s.problems) console.log(formatProblem(p));
      }
      if (!args.quiet && s.warnings.length) {
        console.log('  warnings:');
        for (const w of s.warnings) console.log(formatProblem(w, '    '));
      }
    }
    if (args.json) {
      await fsp.mkdir(path.dirname(path.resolve(args.json)), { recursive: true });
      await fsp.writeFile(args.json, JSON.stringify(report, null, 2) + '\n');
      console.log(`JSON report: ${args.json}`);
    }
    const t = report.totals;
    console.log(`\n${t.steps} step(s) checked in ${(report.durationMs / 1000).toFixed(1)} s on ${args.base}, ${t.warnings} warning(s), ${t.stepsWithProblems} step(s) failing: ${t.problems} problem(s)`);
    return t.problems === 0 ? 0 : 1;
  } finally {
    await browser.close().catch(() => {});
  }
}

const invoked = process.argv[1] && pathToFileURL(fs.realpathSync(process.argv[1])).href === import.meta.url;
if (invoked) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
    console.error(`check-app: ${e.stack ?? e}`);
    process.exitCode = 2;
  });
}
