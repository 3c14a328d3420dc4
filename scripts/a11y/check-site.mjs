#!/usr/bin/env node
// Accessibility and link checker for the static HTML report site that datapilot generates.
//
//   node scripts/a11y/check-site.mjs <site-dir> [--json <out.json>]
//
// Serves <site-dir> on 127.0.0.1 (ephemeral port), loads every *.html page in headless Chromium
// (one browser, a new page per file) and checks, per page:
//   - axe-core, WCAG 2.0/2.1 A and AA rules, plus the best-practice rules of BEST_PRACTICE_FAILING
//     as failures (the other best-practice rules are reported as warnings);
//   - links: relative href/src must answer 200, fragments must name an element of the target page,
//     resources from other hosts (CDN) are failures, external hyperlinks are warnings;
//   - keyboard: the first Tab stop is a visible skip link (href="#...") with a visible focus indicator;
//   - reflow: at 640x800 CSS px (a 1280 px screen at 200 % zoom) the page does not scroll sideways;
//   - <html lang> is set, there is exactly one non-empty <title>.
// Exit status: 0 no problem on any page, 1 problems found, 2 usage or setup error.
// See README.md beside this file for what each problem means and how to fix it.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const BEST_PRACTICE_FAILING = [
  'region', 'landmark-one-main', 'page-has-heading-one', 'heading-order', 'skip-link', 'bypass',
];
const PAGE_TIMEOUT_MS = 30_000;
export const DESKTOP = { width: 1280, height: 800 };
export const ZOOM_200 = { width: 640, height: 800 };
export const MAX_NODES = 5;
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ipynb': 'application/x-ipynb+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------
// Static HTTP server over the site folder.

/** Starts a static file server for root on 127.0.0.1 with an ephemeral port; resolves to {server, origin}. */
export async function startServer(root) {
  const base = await fsp.realpath(root);
  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      let file = path.resolve(base, '.' + pathname);
      if (file !== base && !file.startsWith(base + path.sep)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      let stat = await fsp.stat(file).catch(() => null);
      if (stat?.isDirectory()) {
        file = path.join(file, 'index.html');
        stat = await fsp.stat(file).catch(() => null);
      }
      if (!stat?.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': stat.size, 'Cache-Control': 'no-store' });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('bad request\n');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Every *.html file under dir, as paths relative to dir with '/' separators, sorted. */
export async function findHtmlPages(dir) {
  const out = [];
  async function walk(sub) {
    const entries = await fsp.readdir(path.join(dir, sub), { withFileTypes: true });
    for (const e of entries) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') await walk(rel);
      } else if (e.isFile() && /\.html?$/i.test(e.name)) {
        out.push(rel);
      }
    }
  }
  await walk('');
  return out.sort();
}

// ---------------------------------------------------------------------------------------------
// How to fix, per axe rule (the axe help URL is always given too).

const AXE_FIX = {
  'color-contrast': 'Darken the text or lighten its background: 4.5:1 for normal text, 3:1 for text of at least 24 px (or 18.66 px bold). E.g. #595959 or darker on white.',
  'html-has-lang': 'Give the root element the page language: <html lang="fr"> (or "en").',
  'html-lang-valid': 'Use a valid BCP 47 language tag in <html lang>, e.g. "fr" or "en".',
  'valid-lang': 'Use a valid BCP 47 language tag in lang="...", e.g. "fr" or "en".',
  'document-title': 'Put one non-empty <title> in <head> that names the page.',
  'image-alt': 'Add alt text that says what the image shows (alt="" only for decoration).',
  'svg-img-alt': 'Name the SVG: <svg role="img" aria-labelledby="ID-title ID-desc"> with <title id="ID-title"> and <desc id="ID-desc"> as its first children.',
  'role-img-alt': 'Give the role="img" element an accessible name (aria-label or aria-labelledby).',
  'link-name': 'Give the link discernible text (its content, or aria-label for an icon link).',
  'link-in-text-block': 'Underline links inside running text (text-decoration: underline), or give them 3:1 contrast with the surrounding text.',
  'region': 'Put all content inside landmarks: <header>, <nav>, <main>, <footer> (the skip link may stay outside).',
  'landmark-one-main': 'Wrap the page content in exactly one <main id="main">.',
  'page-has-heading-one': 'Give the page one <h1> (inside <main>).',
  'heading-order': 'Do not skip heading levels: h1, then h2, then h3 (style them with CSS, not by picking a level).',
  'skip-link': 'The skip link target must exist and be visible: <a class="skip-link" href="#main"> with <main id="main">.',
  'bypass': 'Add a skip link and landmarks/headings so that repeated blocks can be skipped.',
  'scrollable-region-focusable': 'A scrolling wrapper (e.g. of a wide table) must be reachable by keyboard: <div class="table-scroll" tabindex="0" role="region" aria-labelledby="CAPTION-ID">.',
  'th-has-data-cells': 'Every <th> must head data cells; remove empty header columns/rows.',
  'td-headers-attr': 'headers="..." on a <td> must list ids of <th> in the same table.',
  'td-has-header': 'Give large tables header cells: <th scope="col"> for columns, <th scope="row"> for rows.',
  'scope-attr-valid': 'Use scope="col" or scope="row" on <th> only.',
  'duplicate-id-aria': 'Ids referenced by ARIA (aria-labelledby, aria-describedby) must be unique in the page.',
  'list': '<ul>/<ol> may only contain <li> (and script/template).',
  'listitem': '<li> must be inside <ul> or <ol>.',
  'meta-viewport': 'Do not disable zoom: <meta name="viewport" content="width=device-width, initial-scale=1">.',
  'aria-allowed-attr': 'Remove ARIA attributes the element role does not support.',
  'nested-interactive': 'Do not put links or buttons inside other interactive elements.',
  'landmark-unique': 'Give landmarks of the same kind distinct names (aria-label / aria-labelledby).',
  'empty-heading': 'Headings must have text.',
  'table-duplicate-name': 'The <caption> and the summary of a table must differ.',
};

// ---------------------------------------------------------------------------------------------
// Code run inside the page (serialised by Playwright: everything it needs is defined inside).

function pageFacts() {
  const cssPath = (el) => {
    if (!(el instanceof Element)) return String(el);
    const parts = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      if (e.id && document.querySelectorAll(`#${CSS.escape(e.id)}`).length === 1) {
        parts.unshift(`#${CSS.escape(e.id)}`);
        break;
      }
      let part = e.localName;
      if (e === document.documentElement) { parts.unshift(part); break; }
      const sameTag = e.parentElement ? [...e.parentElement.children].filter((c) => c.localName === e.localName) : [];
      if (sameTag.length > 1) part += `:nth-of-type(${sameTag.indexOf(e) + 1})`;
      parts.unshift(part);
    }
    return parts.join(' > ');
  };
  const XHTML = 'http://www.w3.org/1999/xhtml';
  const titles = [...document.getElementsByTagName('title')].filter((t) => t.namespaceURI === XHTML);
  const links = [];
  const add = (el, attr, raw, kind) => {
    if (raw == null) return;
    const value = raw.trim();
    if (value === '') return;
    let url = null;
    try { url = new URL(value, document.baseURI).href; } catch { /* reported as invalid */ }
    links.push({ tag: el.localName, attr, raw: value, url, kind, rel: (el.getAttribute('rel') || '').toLowerCase(), selector: cssPath(el) });
  };
  const srcset = (el, attr) => {
    const v = el.getAttribute(attr);
    if (!v) return;
    for (const candidate of v.split(',')) {
      const u = candidate.trim().split(/\s+/)[0];
      if (u) add(el, attr, u, 'resource');
    }
  };
  for (const el of document.querySelectorAll('a[href], area[href]')) add(el, 'href', el.getAttribute('href'), 'hyperlink');
  for (const el of document.querySelectorAll('link[href]')) {
    const rel = (el.getAttribute('rel') || '').toLowerCase().split(/\s+/);
    const loads = ['stylesheet', 'icon', 'apple-touch-icon', 'mask-icon', 'preload', 'modulepreload',
      'prefetch', 'preconnect', 'dns-prefetch', 'manifest'].some((r) => rel.includes(r));
    add(el, 'href', el.getAttribute('href'), loads ? 'resource' : 'hyperlink');
  }
  for (const el of document.querySelectorAll('img[src], script[src], source[src], iframe[src], embed[src], video[src], audio[src], track[src], input[type=image][src]')) {
    add(el, 'src', el.getAttribute('src'), 'resource');
  }
  for (const el of document.querySelectorAll('img[srcset], source[srcset]')) srcset(el, 'srcset');
  for (const el of document.querySelectorAll('video[poster]')) add(el, 'poster', el.getAttribute('poster'), 'resource');
  for (const el of document.querySelectorAll('object[data]')) add(el, 'data', el.getAttribute('data'), 'resource');
  const XLINK = 'http://www.w3.org/1999/xlink';
  for (const el of document.querySelectorAll('use, image, feImage')) {
    const v = el.getAttribute('href') ?? el.getAttributeNS(XLINK, 'href');
    add(el, 'href', v, 'resource');
  }
  for (const el of document.querySelectorAll('svg a')) {
    if (el.hasAttribute('href')) continue;
    add(el, 'xlink:href', el.getAttributeNS(XLINK, 'href'), 'hyperlink');
  }
  const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
  const names = [...document.querySelectorAll('a[name]')].map((e) => e.getAttribute('name'));
  return {
    lang: document.documentElement.getAttribute('lang'),
    titles: titles.map((t) => t.textContent.trim()),
    links,
    anchors: [...new Set([...ids, ...names])],
    duplicateIds: [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))],
  };
}

function focusFacts() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { focused: false };
  const cssPath = (node) => {
    const parts = [];
    for (let e = node; e && e.nodeType === 1; e = e.parentElement) {
      if (e.id) { parts.unshift(`#${CSS.escape(e.id)}`); break; }
      let part = e.localName;
      const sameTag = e.parentElement ? [...e.parentElement.children].filter((c) => c.localName === e.localName) : [];
      if (sameTag.length > 1) part += `:nth-of-type(${sameTag.indexOf(e) + 1})`;
      parts.unshift(part);
      if (e === document.documentElement) break;
    }
    return parts.join(' > ');
  };
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  let opacity = 1;
  for (let e = el; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
  return {
    focused: true,
    tag: el.localName,
    href: el.getAttribute('href'),
    text: (el.textContent || '').trim().slice(0, 80),
    selector: cssPath(el),
    html: el.outerHTML.slice(0, 200),
    rect: { x: r.x, y: r.y, width: r.width, height: r.height, right: r.right, bottom: r.bottom },
    viewport: { width: window.innerWidth, height: window.innerHeight },
    visibility: cs.visibility,
    display: cs.display,
    opacity,
    clip: cs.clip,
    clipPath: cs.clipPath,
    outlineStyle: cs.outlineStyle,
    outlineWidth: parseFloat(cs.outlineWidth) || 0,
    outlineColor: cs.outlineColor,
    boxShadow: cs.boxShadow,
  };
}

function reflowFacts() {
  const root = document.documentElement;
  const limit = root.clientWidth + 1;
  const facts = { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, offenders: [] };
  if (root.scrollWidth <= limit) return facts;
  const cssPath = (node) => {
    const parts = [];
    for (let e = node; e && e.nodeType === 1; e = e.parentElement) {
      if (e.id) { parts.unshift(`#${CSS.escape(e.id)}`); break; }
      let part = e.localName;
      const sameTag = e.parentElement ? [...e.parentElement.children].filter((c) => c.localName === e.localName) : [];
      if (sameTag.length > 1) part += `:nth-of-type(${sameTag.indexOf(e) + 1})`;
      parts.unshift(part);
      if (e === document.documentElement) break;
    }
    return parts.join(' > ');
  };
  const clips = (e) => {
    const ox = getComputedStyle(e).overflowX;
    return ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip';
  };
  // Outermost elements that stick out to the right and are not inside a scroll container.
  const walk = (e) => {
    for (const child of e.children) {
      const r = child.getBoundingClientRect();
      const cs = getComputedStyle(child);
      if (cs.display === 'none') continue;
      if (r.right > limit && r.width > 0) {
        facts.offenders.push({
          selector: cssPath(child),
          width: Math.round(r.width),
          right: Math.round(r.right),
          cssWidth: cs.width,
          minWidth: cs.minWidth,
          whiteSpace: cs.whiteSpace,
          position: cs.position,
        });
        if (facts.offenders.length >= 5) return;
        continue;
      }
      if (!clips(child)) walk(child);
      if (facts.offenders.length >= 5) return;
    }
  };
  walk(document.body);
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Checking.

function problem(page, kind, what, why, fix, extra = {}) {
  return { page, kind, rule: extra.rule ?? kind, what, why, fix, ...extra };
}

export async function runAxe(page, options) {
  return page.evaluate(async (opts) => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, opts);
    const slim = (list) => list.map((v) => ({
      id: v.id, impact: v.impact, tags: v.tags, help: v.help, helpUrl: v.helpUrl, description: v.description,
      nodeCount: v.nodes.length,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html })),
    }));
    return { violations: slim(result.violations), incomplete: slim(result.incomplete), passes: (result.passes ?? []).map((v) => v.id) };
  }, options);
}

function axeProblem(pageName, v, note = '') {
  const isWcag = v.tags.some((t) => WCAG_TAGS.includes(t));
  const fix = `${AXE_FIX[v.id] ?? v.description} See ${v.helpUrl}`;
  return problem(pageName, 'axe', v.help + note, v.nodes[0]?.failureSummary ?? v.description, fix, {
    rule: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    wcag: isWcag,
    selector: v.nodes.map((n) => n.target.join(' ')).join(', '),
    nodeCount: v.nodeCount,
    nodes: v.nodes.slice(0, MAX_NODES).map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html })),
  });
}

/** Checks one page; link targets (status and anchors) are resolved later, across pages. */
async function checkPage(page, ctx, pageName) {
  const url = pageUrl(ctx, pageName);
  const problems = [];
  const warnings = [];
  const network = { external: [], failed: [] };
  const tStart = Date.now();
  const timing = {}; // ms since the start of the page at the end of each phase
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  page.on('pageerror', (err) => warnings.push(problem(pageName, 'script-error', 'A script of the page threw an error', String(err.message ?? err).slice(0, 300), 'Fix the script; the report pages should work without errors.')));
  page.on('response', (resp) => {
    if (resp.url().startsWith(ctx.origin) && resp.status() >= 400) network.failed.push({ url: resp.url(), status: resp.status() });
  });
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(ctx.origin + '/') || u === ctx.origin) return route.continue();
    network.external.push(u);
    return route.abort('blockedbyclient');
  });
  timing.opened = Date.now() - tStart;
  await page.setViewportSize(DESKTOP);
  const resp = await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
  if (!resp || resp.status() !== 200) throw new Error(`HTTP ${resp?.status()} for ${url}`);
  await page.evaluate(() => document.fonts?.ready.then(() => undefined));
  timing.loaded = Date.now() - tStart;

  // Keyboard first, on the page as loaded: one Tab from the top.
  await page.keyboard.press('Tab');
  // Let a focus transition (e.g. a skip link sliding in) finish.
  await page.waitForFunction(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return true;
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.width > 1 && r.height > 1;
  }, null, { timeout: 1000 }).catch(() => {});
  const focus = await page.evaluate(focusFacts);
  checkSkipLink(pageName, focus, problems);
  await page.evaluate(() => document.activeElement?.blur());
  timing.keyboard = Date.now() - tStart;

  const facts = await page.evaluate(pageFacts);
  if (!facts.lang || !facts.lang.trim()) {
    problems.push(problem(pageName, 'lang', '<html> has no lang attribute (or an empty one)',
      'Screen readers pick the pronunciation from the page language.', 'Write <html lang="fr"> (or the language of the text).', { selector: 'html' }));
  }
  if (facts.titles.length !== 1 || !facts.titles[0]) {
    const why = facts.titles.length === 0 ? 'The page has no <title>.'
      : facts.titles.length > 1 ? `The page has ${facts.titles.length} <title> elements.` : 'The <title> is empty.';
    problems.push(problem(pageName, 'title', 'The page must have exactly one non-empty <title>', why,
      'Put one <title> in <head> naming the page, e.g. "Audit — patients — datapilot". (SVG <title> elements inside inline <svg> do not count.)', { selector: 'head > title' }));
  }
  for (const id of facts.duplicateIds) {
    // axe 4.14 no longer checks this (WCAG 2.2 dropped 4.1.1); RGAA 8.2 still requires valid markup
    problems.push(problem(pageName, 'duplicate-id', `The id "${id}" is used more than once`,
      'Links, aria-labelledby and table headers pointing at it reach only the first element (RGAA 8.2, WCAG 2.1 4.1.1).',
      'Make every id unique on the page (prefix generated ids by their kind).', { selector: `[id="${id}"]` }));
  }
  timing.facts = Date.now() - tStart;

  // axe-core.
  await page.addScriptTag({ content: ctx.axeSource });
  const axeOptions = { runOnly: { type: 'tag', values: [...WCAG_TAGS, 'best-practice'] }, resultTypes: ['violations', 'incomplete', 'passes'] };
  const axeResult = await runAxe(page, axeOptions);
  for (const v of axeResult.violations) {
    const isWcag = v.tags.some((t) => WCAG_TAGS.includes(t));
    if (isWcag || BEST_PRACTICE_FAILING.includes(v.id)) problems.push(axeProblem(pageName, v));
    else warnings.push(axeProblem(pageName, v));
  }
  for (const v of axeResult.incomplete) {
    warnings.push({ ...axeProblem(pageName, v, ' (axe could not decide: check by hand)'), kind: 'axe-incomplete' });
  }
  timing.axe = Date.now() - tStart;

  // Our own lang/title checks only add what axe did not already say.
  const axeIds = new Set(axeResult.violations.map((v) => v.id));
  for (let i = problems.length - 1; i >= 0; i--) {
    const p = problems[i];
    if ((p.kind === 'lang' && (axeIds.has('html-has-lang'))) || (p.kind === 'title' && axeIds.has('document-title'))) problems.splice(i, 1);
  }

  // 200 % zoom: 640 CSS px wide.
  await page.setViewportSize(ZOOM_200);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const reflow = await page.evaluate(reflowFacts);
  if (reflow.scrollWidth > reflow.clientWidth + 1) {
    const who = reflow.offenders.length
      ? reflow.offenders.map((o) => `${o.selector} (${o.width} px wide, css width ${o.cssWidth}${o.minWidth !== 'auto' && o.minWidth !== '0px' ? `, min-width ${o.minWidth}` : ''}${o.whiteSpace === 'nowrap' || o.whiteSpace === 'pre' ? `, white-space ${o.whiteSpace}` : ''})`).join('; ')
      : 'no single element found';
    problems.push(problem(pageName, 'reflow',
      'The page scrolls horizontally at 200 % zoom (640 CSS px wide)',
      `document width ${reflow.scrollWidth} px > viewport ${reflow.clientWidth} px; sticking out: ${who}`,
      'Use fluid widths (max-width: 100%, no fixed widths in px wider than 320 px, flex-wrap, overflow-wrap: anywhere for long words). Wide tables and charts go in a scroll wrapper: <div class="table-scroll" tabindex="0" role="region" aria-labelledby="CAPTION-ID" style="overflow-x:auto">; SVG charts get width="100%" height="auto" with a viewBox.',
      { selector: reflow.offenders.map((o) => o.selector).join(', '), scrollWidth: reflow.scrollWidth, clientWidth: reflow.clientWidth, offenders: reflow.offenders }));
  }
  timing.reflow = Date.now() - tStart;

  // Scroll wrappers that only scroll at this width must still be keyboard-reachable.
  const narrow = await runAxe(page, { runOnly: { type: 'rule', values: ['scrollable-region-focusable'] }, resultTypes: ['violations'] });
  for (const v of narrow.violations) {
    if (!axeIds.has(v.id)) problems.push(axeProblem(pageName, v, ' (at 640 px, 200 % zoom)'));
  }
  timing.axe640 = Date.now() - tStart;

  const checks = {
    axeRulesPassed: axeResult.passes.length,
    axeRulesViolated: axeResult.violations.length,
    axeRulesIncomplete: axeResult.incomplete.length,
    links: facts.links.length,
    firstTabStop: focus.focused ? focus.selector : null,
    widthAt640: reflow.scrollWidth,
  };
  return { page: pageName, url, timing, checks, problems, warnings, links: facts.links, anchors: facts.anchors, network };
}

function pageUrl(ctx, pageName) {
  return `${ctx.origin}/${pageName.split('/').map(encodeURIComponent).join('/')}`;
}

function checkSkipLink(pageName, f, problems) {
  const fix = 'Make the first element of <body> <a class="skip-link" href="#main">Aller au contenu</a>, hidden off-screen until focused (.skip-link{position:absolute;left:-10000px} .skip-link:focus{left:0.5rem;top:0.5rem}) with a visible focus style (outline: 3px solid #1a4e8a; outline-offset: 2px).';
  if (!f.focused) {
    problems.push(problem(pageName, 'skip-link', 'The first Tab stop must be a skip link', 'Pressing Tab once focused nothing: the page has no focusable element.', fix, { selector: 'body' }));
    return;
  }
  if (f.tag !== 'a' || !f.href || !f.href.startsWith('#') || f.href.length < 2) {
    problems.push(problem(pageName, 'skip-link', 'The first Tab stop must be a skip link',
      `Pressing Tab once focused ${f.selector} (${f.html.slice(0, 120)}), not a link to "#id" (the start of the content).`, fix, { selector: f.selector }));
    return;
  }
  const r = f.rect;
  const inside = r.x >= 0 && r.y >= 0 && r.right <= f.viewport.width + 0.5 && r.bottom <= f.viewport.height + 0.5;
  const clipped = (f.clip && f.clip !== 'auto') || (f.clipPath && f.clipPath !== 'none');
  const invisibleWhy = [];
  if (r.width <= 1 || r.height <= 1) invisibleWhy.push(`its box is ${r.width}x${r.height} px`);
  if (!inside) invisibleWhy.push(`its box (${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}) is not inside the ${f.viewport.width}x${f.viewport.height} viewport`);
  if (clipped) invisibleWhy.push(`it is clipped (clip: ${f.clip}, clip-path: ${f.clipPath})`);
  if (f.visibility !== 'visible') invisibleWhy.push(`visibility: ${f.visibility}`);
  if (f.opacity < 0.1) invisibleWhy.push(`opacity ${f.opacity}`);
  if (invisibleWhy.length) {
    problems.push(problem(pageName, 'skip-link-hidden', 'The skip link must become visible when focused',
      `${f.selector} is focused but ${invisibleWhy.join('; ')}.`,
      'In .skip-link:focus move it into view (left:0.5rem; top:0.5rem) and undo any clip/size hiding (clip:auto; width:auto; height:auto).', { selector: f.selector }));
  }
  const transparent = /rgba\([^)]*,\s*0\)$/.test(f.outlineColor) || f.outlineColor === 'transparent';
  const hasOutline = f.outlineStyle !== 'none' && f.outlineWidth > 0 && !transparent;
  const hasShadow = f.boxShadow && f.boxShadow !== 'none';
  if (!hasOutline && !hasShadow) {
    problems.push(problem(pageName, 'focus-indicator', 'The focused skip link must show a focus indicator',
      `${f.selector} when focused has outline-style ${f.outlineStyle}, outline-width ${f.outlineWidth}px, outline-color ${f.outlineColor}, box-shadow ${f.boxShadow}.`,
      'Do not remove the outline; give focus a visible style: a:focus-visible{outline:3px solid #1a4e8a; outline-offset:2px} (or a box-shadow).', { selector: f.selector }));
  }
}

/** Status of a same-origin URL (no fragment) and, for HTML/SVG, its anchors; cached. */
async function fetchTarget(ctx, url) {
  if (ctx.targets.has(url)) return ctx.targets.get(url);
  const p = (async () => {
    try {
      const resp = await fetch(url, { redirect: 'manual' });
      const type = resp.headers.get('content-type') ?? '';
      let anchors = null;
      if (resp.status === 200 && /html|svg|xml/.test(type)) {
        const text = await resp.text();
        anchors = [...text.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);
      } else {
        await resp.body?.cancel();
      }
      return { status: resp.status, type, anchors };
    } catch (e) {
      return { status: 0, error: String(e.message ?? e), anchors: null };
    }
  })();
  ctx.targets.set(url, p);
  return p;
}

const IGNORED_SCHEMES = new Set(['mailto:', 'tel:', 'data:', 'blob:', 'about:']);

async function checkLinks(ctx, result, anchorsByUrl) {
  const { page: pageName, problems, warnings } = result;
  const reported = new Set();
  const pageUrl = result.url;
  for (const l of result.links) {
    const where = `<${l.tag} ${l.attr}="${l.raw}"> (${l.selector})`;
    if (!l.url) {
      problems.push(problem(pageName, 'invalid-url', `Invalid URL ${JSON.stringify(l.raw)}`, `${where} cannot be parsed as a URL.`, 'Percent-encode spaces and special characters in generated paths.', { selector: l.selector, href: l.raw }));
      continue;
    }
    const u = new URL(l.url);
    if (IGNORED_SCHEMES.has(u.protocol)) continue;
    if (u.protocol === 'javascript:') {
      problems.push(problem(pageName, 'javascript-link', 'javascript: URL', `${where} is not a real link.`, 'Use a <button> for actions, a real URL for navigation.', { selector: l.selector, href: l.raw }));
      continue;
    }
    if (u.protocol === 'file:') {
      problems.push(problem(pageName, 'file-link', `Link to a local file ${l.raw}`,
        `${where} points into the file system of the machine that generated the report.`,
        'Copy the file into the site and write a path relative to the page.', { selector: l.selector, href: l.raw }));
      continue;
    }
    if (u.origin !== ctx.origin) {
      reported.add(l.url.split('#')[0]);
      if (l.kind === 'hyperlink') {
        warnings.push(problem(pageName, 'external-link', `External hyperlink ${l.raw}`, `${where} leaves the site; it will not work offline.`, 'Fine for references; keep the report itself self-contained.', { selector: l.selector, href: l.raw }));
      } else {
        problems.push(problem(pageName, 'external-resource', `Resource loaded from another host: ${l.raw}`,
          `${where}: the site must be self-contained and work offline (no CDN, no web fonts from other hosts).`,
          'Copy the file into the site (e.g. assets/) and reference it with a relative path, or inline it.', { selector: l.selector, href: l.raw }));
      }
      continue;
    }
    if (/^\//.test(l.raw)) {
      problems.push(problem(pageName, 'root-relative-link', `Root-relative link ${l.raw}`,
        `${where} starts with "/": it only works when the site is served from the root of a web server, not from a folder or as files.`,
        'Write the path relative to the page (e.g. "../assets/style.css").', { selector: l.selector, href: l.raw }));
    }
    const target = l.url.split('#')[0];
    let fragment = u.hash.slice(1);
    try { fragment = decodeURIComponent(fragment); } catch { /* keep it encoded */ }
    const t = await fetchTarget(ctx, target);
    if (t.status !== 200) {
      reported.add(target);
      problems.push(problem(pageName, 'broken-link', `Broken ${l.kind === 'hyperlink' ? 'link' : 'resource'} ${l.raw}`,
        `${where} answers HTTP ${t.status || t.error} (${target.slice(ctx.origin.length)}).`,
        'Generate the target file, or fix the path (relative to the page, case-sensitive).', { selector: l.selector, href: l.raw, status: t.status }));
      continue;
    }
    if (fragment && !fragment.startsWith(':~:')) {
      const anchors = target === pageUrl.split('#')[0] ? new Set(result.anchors) : (anchorsByUrl.get(target) ?? (t.anchors ? new Set(t.anchors) : null));
      const ok = anchors ? anchors.has(fragment) || fragment.toLowerCase() === 'top' : true;
      if (!ok) {
        problems.push(problem(pageName, 'broken-anchor', `Broken anchor ${l.raw}`,
          `${where}: no element with id="${fragment}" in ${target === pageUrl ? 'this page' : target.slice(ctx.origin.length + 1)}.`,
          `Give the target element id="${fragment}", or point the link at an id that exists.`, { selector: l.selector, href: l.raw }));
      }
    }
  }
  // What the browser actually requested: other hosts (blocked) and failed same-site requests.
  for (const ext of new Set(result.network.external)) {
    if (reported.has(ext.split('#')[0])) continue;
    problems.push(problem(pageName, 'external-request', `The page requested ${ext}`,
      'A stylesheet, script or font of the page loads it from another host (e.g. CSS @import, url(), fetch); the site must work offline.',
      'Copy the file into the site and reference it relatively.', { selector: '', href: ext }));
  }
  for (const f of result.network.failed) {
    if (reported.has(f.url.split('#')[0])) continue;
    reported.add(f.url.split('#')[0]);
    problems.push(problem(pageName, 'broken-link', `Broken resource ${f.url.slice(ctx.origin.length)}`,
      `The page requested it (CSS url(), script) and got HTTP ${f.status}.`, 'Generate the file or fix the path.', { selector: '', href: f.url, status: f.status }));
  }
}

// ---------------------------------------------------------------------------------------------
// Report.

export function formatProblem(p, indent = '  ') {
  const lines = [`${indent}- [${p.kind === 'axe' || p.kind === 'axe-incomplete' ? `axe ${p.rule}${p.impact ? `, ${p.impact}` : ''}` : p.kind}] ${p.what}`];
  if (p.selector) lines.push(`${indent}    element: ${p.selector}${p.nodeCount > MAX_NODES ? ` (and ${p.nodeCount - MAX_NODES} more)` : ''}`);
  if (p.why) lines.push(`${indent}    why: ${p.why.replace(/\n\s*/g, ' ')}`);
  if (p.nodes && p.nodes.length > 1) {
    for (const n of p.nodes.slice(1)) lines.push(`${indent}    also: ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\n\s*/g, ' ')}`);
  }
  if (p.fix) lines.push(`${indent}    fix: ${p.fix}`);
  return lines.join('\n');
}

/**
 * The command line both checkers share: one positional argument, --json FILE (or --json=FILE) and
 * --quiet; `missing` is the message when the positional argument is absent.
 */
export function parseCommonArgs(argv, missing) {
  const args = { positional: null, json: null, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') {
      if (i + 1 >= argv.length) throw new UsageError('--json needs a file name');
      args.json = argv[++i];
    } else if (a.startsWith('--json=')) {
      args.json = a.slice('--json='.length);
    } else if (a === '--quiet' || a === '-q') {
      args.quiet = true;
    } else if (a === '-h' || a === '--help') {
      throw new UsageError('');
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option ${a}`);
    } else if (args.positional == null) {
      args.positional = a;
    } else {
      throw new UsageError(`unexpected argument ${a}`);
    }
  }
  if (!args.positional) throw new UsageError(missing);
  return args;
}

function parseArgs(argv) {
  const { positional, json, quiet } = parseCommonArgs(argv, 'missing <site-dir>');
  return { site: positional, json, quiet };
}

const USAGE = 'usage: node scripts/a11y/check-site.mjs <site-dir> [--json <out.json>] [--quiet]';

export async function main(argv) {
  const started = Date.now();
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) console.error(`check-site: ${e.message}`);
      console.error(USAGE);
      return 2;
    }
    throw e;
  }
  const site = path.resolve(args.site);
  const stat = await fsp.stat(site).catch(() => null);
  if (!stat?.isDirectory()) {
    console.error(`check-site: site folder ${site} does not exist (generate the report site first)`);
    return 2;
  }
  const pages = await findHtmlPages(site);
  if (pages.length === 0) {
    console.error(`check-site: no *.html page under ${site}`);
    return 2;
  }
  const axePath = path.join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
  let chromium;
  let axeSource;
  try {
    axeSource = await fsp.readFile(axePath, 'utf8');
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    console.error(`check-site: the checker's node modules are missing (${e.code ?? e.message}): run \`npm ci --prefix scripts/a11y\` (or scripts/a11y/setup)`);
    return 2;
  }
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  try {
    fs.accessSync(executablePath, fs.constants.X_OK);
  } catch {
    console.error(`check-site: Chromium not found at ${executablePath}: run \`apt-get install -y chromium\` (or scripts/a11y/setup), or set CHROMIUM to its path`);
    return 2;
  }

  const { server, origin } = await startServer(site);
  let browser;
  const results = [];
  try {
    try {
      browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: PAGE_TIMEOUT_MS });
    } catch (e) {
      console.error(`check-site: Chromium at ${executablePath} did not start: ${String(e.message).split('\n')[0]}\n  (reinstall with \`apt-get install -y chromium\`)`);
      return 2;
    }
    const context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', bypassCSP: true });
    const ctx = { origin, axeSource, targets: new Map() };
    for (const pageName of pages) {
      const t0 = Date.now();
      let timer;
      const page = await context.newPage();
      try {
        const r = await Promise.race([
          checkPage(page, ctx, pageName),
          new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${PAGE_TIMEOUT_MS / 1000} s`)), PAGE_TIMEOUT_MS); }),
        ]);
        r.durationMs = Date.now() - t0;
        results.push(r);
      } catch (e) {
        results.push({
          page: pageName, url: pageUrl(ctx, pageName), durationMs: Date.now() - t0, links: [], anchors: [], network: { external: [], failed: [] }, warnings: [],
          problems: [problem(pageName, 'page-error', 'The page could not be checked', String(e.message ?? e).split('\n')[0], 'Make sure the page loads without hanging (no endless script, no unreachable resource).')],
        });
      } finally {
        clearTimeout(timer);
        await page.close().catch(() => {});
      }
    }
    const anchorsByUrl = new Map(results.map((r) => [r.url, new Set(r.anchors)]));
    for (const r of results) await checkLinks(ctx, r, anchorsByUrl);

    const report = {
      site,
      checkedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      chromium: browser.version(),
      axe: JSON.parse(await fsp.readFile(path.join(HERE, 'node_modules', 'axe-core', 'package.json'), 'utf8')).version,
      rules: { wcagTags: WCAG_TAGS, bestPracticeFailing: BEST_PRACTICE_FAILING },
      pages: results.map((r) => ({ page: r.page, url: r.url, ok: r.problems.length === 0, durationMs: r.durationMs, timing: r.timing, checks: r.checks, problems: r.problems, warnings: r.warnings })),
    };
    report.totals = {
      pages: results.length,
      pagesWithProblems: results.filter((r) => r.problems.length).length,
      problems: results.reduce((n, r) => n + r.problems.length, 0),
      warnings: results.reduce((n, r) => n + r.warnings.length, 0),
    };

    for (const r of report.pages) {
      if (r.ok) {
        console.log(`OK    ${r.page} (${r.durationMs} ms${r.warnings.length ? `, ${r.warnings.length} warning(s)` : ''})`);
      } else {
        console.log(`FAIL  ${r.page} (${r.durationMs} ms): ${r.problems.length} problem(s)`);
        for (const p of r.problems) console.log(formatProblem(p));
      }
      if (!args.quiet && r.warnings.length) {
        console.log(`  warnings:`);
        for (const w of r.warnings) console.log(formatProblem(w, '    '));
      }
    }
    const t = report.totals;
    console.log(`\n${t.pages} page(s) checked in ${(report.durationMs / 1000).toFixed(1)} s: ${t.problems} problem(s) on ${t.pagesWithProblems} page(s), ${t.warnings} warning(s)`);
    if (args.json) {
      await fsp.mkdir(path.dirname(path.resolve(args.json)), { recursive: true });
      await fsp.writeFile(args.json, JSON.stringify(report, null, 2) + '\n');
      console.log(`JSON report: ${args.json}`);
    }
    return t.problems === 0 ? 0 : 1;
  } finally {
    await browser?.close().catch(() => {});
    server.closeAllConnections?.();
    await new Promise((r) => server.close(r));
  }
}

const invoked = process.argv[1] && pathToFileURL(fs.realpathSync(process.argv[1])).href === import.meta.url;
if (invoked) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
    console.error(`check-site: ${e.stack ?? e}`);
    process.exitCode = 2;
  });
}
