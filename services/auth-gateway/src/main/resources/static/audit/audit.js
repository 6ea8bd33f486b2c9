// The auditors' page: plain DOM, no framework. Every call goes to the gateway's own origin;
// the gateway adds the signed-in auditor's audit token (cookies never leave it).
const PAGE_SIZE = 50;
const DAY = 24 * 60 * 60 * 1000;
const SVG = 'http://www.w3.org/2000/svg';

const form = document.getElementById('search');
const tbody = document.querySelector('#results tbody');
const status = document.getElementById('status');
const nextButton = document.getElementById('next-page');
const firstButton = document.getElementById('first-page');

let query = new URLSearchParams();
let nextCursor = null;

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'className') node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(child ?? ''));
  }
  return node;
}

/** The form's filters as the API's parameters; empty fields left out, times as UTC instants. */
function filters() {
  const params = new URLSearchParams();
  for (const [name, raw] of new FormData(form)) {
    const value = String(raw).trim();
    if (!value) continue;
    params.append(name, (name === 'from' || name === 'to') ? instant(value) : value);
  }
  return params;
}

function instant(local) {
  return (local.length === 16 ? local + ':00' : local) + 'Z';
}

function time(iso) {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
}

async function call(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return { ok: response.ok, status: response.status, body };
}

function problem(answer) {
  if (answer.status === 401) return 'You are not signed in (or your session ended): sign in, then reload this page.';
  const detail = answer.body && (answer.body.detail || answer.body.title);
  return `The audit trail answered ${answer.status}${detail ? ': ' + detail : ''}`;
}

async function who() {
  const answer = await call('/api/me');
  const node = document.getElementById('who');
  node.textContent = answer.ok ? `Signed in as ${answer.body.username} (${answer.body.role})` : 'Not signed in';
}

async function search(cursor) {
  const params = new URLSearchParams(query);
  params.set('limit', String(PAGE_SIZE));
  if (cursor) params.set('cursor', cursor);
  status.textContent = 'Searching…';
  const answer = await call('/api/audit/events?' + params);
  tbody.replaceChildren();
  if (!answer.ok) {
    status.textContent = problem(answer);
    nextButton.disabled = true;
    return;
  }
  const events = answer.body.events || [];
  events.forEach((event, index) => tbody.append(...rows(event, index)));
  nextCursor = answer.body.nextCursor || null;
  nextButton.disabled = !nextCursor;
  firstButton.disabled = !cursor;
  status.textContent = events.length === 0 ? 'No events match.'
    : `${events.length} event${events.length === 1 ? '' : 's'}${nextCursor ? ' on this page; more on the next' : ''}.`;
}

function rows(event, index) {
  const detailsId = `event-details-${index}`;
  const toggle = el('button', { type: 'button', className: 'toggle secondary', 'aria-expanded': 'false',
    'aria-controls': detailsId, 'data-event-id': event.eventId }, 'Details');
  toggle.setAttribute('aria-label', `Details of ${event.eventType} at ${time(event.occurredAt)}`);
  const subject = event.subjectId ? `${event.subjectLabel || event.subjectType || ''} ${event.subjectId}`.trim() : '';
  const outcome = el('td', { className: event.outcome ? 'outcome-' + event.outcome : '' }, event.outcome || '');
  const row = el('tr', { className: 'event' },
    el('td', {}, toggle),
    el('td', { className: 'mono nowrap' }, time(event.occurredAt)),
    el('td', {}, event.eventType),
    el('td', { className: 'mono' }, subject),
    el('td', { className: 'mono' }, event.userId || ''),
    outcome,
    el('td', { className: 'nowrap' }, event.tokenType || ''),
    el('td', { className: 'mono' }, event.actorId || ''));
  const details = el('tr', { className: 'details', id: detailsId, hidden: '' },
    el('td', { colspan: '8' }, detailsOf(event)));
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    details.hidden = !open;
  });
  return [row, details];
}

function detailsOf(event) {
  const box = el('div', { className: 'details' });
  box.append(el('h3', {}, `${event.eventType} — what happened`), list(event.details || {}));
  const record = { ...event };
  delete record.details;
  box.append(el('h3', {}, 'Record'), list(record));
  return box;
}

function list(object) {
  const dl = el('dl');
  for (const [name, value] of Object.entries(object)) {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    dl.append(el('dt', {}, name), el('dd', {}, show(name, value)));
  }
  if (!dl.children.length) dl.append(el('dt', {}, '—'), el('dd', {}, 'nothing recorded'));
  return dl;
}

function show(name, value) {
  if (name === 'changes' && Array.isArray(value)) {
    return value.map((change) => `${change.field}: ${fmt(change.before)} → ${fmt(change.after)}`).join('; ');
  }
  return fmt(value);
}

function fmt(value) {
  if (value === null || value === undefined) return '∅';
  if (Array.isArray(value)) return value.map(fmt).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function exportLinks() {
  for (const format of ['ndjson', 'csv']) {
    const params = new URLSearchParams(query);
    params.set('format', format);
    document.getElementById('export-' + format).href = '/api/audit/export?' + params;
  }
}

async function chart() {
  const box = document.getElementById('chart');
  const to = query.get('to') ? new Date(query.get('to')) : new Date(Math.floor(Date.now() / DAY) * DAY + DAY);
  let from = query.get('from') ? new Date(query.get('from')) : new Date(to.getTime() - 30 * DAY);
  if (to - from > 400 * DAY) from = new Date(to.getTime() - 400 * DAY);
  const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), eventType: 'TokenIssued',
    bucket: 'day' });
  const answer = await call('/api/audit/counts?' + params);
  if (!answer.ok) {
    box.replaceChildren(el('p', { className: 'muted' }, problem(answer)));
    return;
  }
  const byDay = new Map();
  for (const count of answer.body.counts || []) {
    const day = count.start.slice(0, 10);
    byDay.set(day, (byDay.get(day) || 0) + count.count);
  }
  const days = [];
  for (let t = Math.floor(from.getTime() / DAY) * DAY; t < to.getTime(); t += DAY) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push([day, byDay.get(day) || 0]);
  }
  const total = days.reduce((sum, [, n]) => sum + n, 0);
  box.replaceChildren(bars(days, Math.max(320, box.clientWidth || 600)),
    el('p', { className: 'muted chart-total' }, `${total} credential${total === 1 ? '' : 's'} issued from ${days[0][0]} to ${days[days.length - 1][0]} (UTC days).`));
}

function bars(days, width) {
  const height = 160, left = 34, bottom = 20, top = 8;
  const max = Math.max(1, ...days.map(([, n]) => n));
  const total = days.reduce((sum, [, n]) => sum + n, 0);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${total} credentials issued from ${days[0][0]} to ${days[days.length - 1][0]}; `
    + `at most ${max} on one day`);
  const node = (tag, attributes, text) => {
    const child = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) child.setAttribute(name, String(value));
    if (text !== undefined) child.textContent = text;
    svg.append(child);
    return child;
  };
  const plotHeight = height - bottom - top;
  const step = (width - left) / days.length;
  node('line', { x1: left, y1: top + plotHeight, x2: width, y2: top + plotHeight, class: 'axis' });
  node('text', { x: left - 4, y: top + 8, 'text-anchor': 'end' }, String(max));
  node('text', { x: left - 4, y: top + plotHeight, 'text-anchor': 'end' }, '0');
  days.forEach(([day, n], i) => {
    const h = (n / max) * plotHeight;
    const bar = node('rect', { x: left + i * step + 1, y: top + plotHeight - h, width: Math.max(1, step - 2),
      height: h, class: 'bar' });
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${day}: ${n}`;
    bar.append(title);
  });
  const labels = [0, Math.floor(days.length / 2), days.length - 1];
  for (const i of new Set(labels)) {
    const anchor = i === 0 ? 'start' : (i === days.length - 1 ? 'end' : 'middle');
    const x = anchor === 'start' ? left + i * step : (anchor === 'end' ? left + (i + 1) * step : left + i * step + step / 2);
    node('text', { x, y: height - 6, 'text-anchor': anchor }, days[i][0].slice(5));
  }
  return svg;
}

/** The latest signed checkpoint; the whole-trail check runs when the auditor asks (it reads every record). */
async function verification() {
  const box = document.getElementById('verification');
  const latest = await call('/api/audit/checkpoints/latest');
  const parts = [];
  if (latest.ok && latest.body) {
    const c = latest.body;
    parts.push(el('p', {}, 'Latest signed checkpoint:'),
      list({ records: c.treeSize, rootHash: c.rootHash, signedAt: time(c.signedAt) }));
  } else {
    parts.push(el('p', { className: 'muted' }, latest.status === 404
      ? 'No checkpoint signed yet (one is signed within a minute of the first record).'
      : `Checkpoint: not available (${latest.status}).`));
  }
  const check = el('button', { type: 'button', id: 'full-check', className: 'secondary' }, 'Check every record');
  const outcome = el('div', { id: 'full-check-outcome', 'aria-live': 'polite' });
  check.addEventListener('click', () => fullCheck(check, outcome));
  parts.push(check, outcome);
  box.replaceChildren(...parts);
}

async function fullCheck(button, box) {
  button.disabled = true;
  box.replaceChildren(el('p', { className: 'muted' }, 'Checking every record against the signed log…'));
  const answer = await call('/api/audit/verify/full');
  button.disabled = false;
  if (!answer.ok || !answer.body) {
    box.replaceChildren(el('p', { className: 'unverified' }, problem(answer)));
    return;
  }
  const verdict = answer.body;
  const good = verdict.outcome === 'OK';
  box.replaceChildren(
    el('p', { className: good ? 'verified' : 'unverified' },
      good ? `Verified: all ${verdict.checkedSize} records match the signed log.`
        : `Verification FAILED: ${verdict.outcome}.`),
    list({ detail: verdict.detail, leafIndex: verdict.leafIndex, eventId: verdict.eventId }));
}

/** The CSRF token the gateway asks for on the look-up (it is the only POST this page makes). */
function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

/** By value: POSTed (never in a URL), hashed by audit and forgotten. */
async function lookUpValue(token) {
  const response = await fetch('/api/audit/lookup', {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
    body: JSON.stringify({ token }),
  });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return { ok: response.ok, status: response.status, body };
}

/** By SHA-256: a hash is no credential, so it may travel in the query like any filter. */
async function lookUpHash(sha256) {
  const answer = await call('/api/audit/events?' + new URLSearchParams({ tokenSha256: sha256, limit: '500' }));
  if (!answer.ok || !answer.body) return answer;
  return { ok: true, status: answer.status, body: { tokenSha256: sha256, events: answer.body.events } };
}

/** Which records name a token, from its value or its SHA-256; the value is never shown back. */
async function lookUp(event) {
  event.preventDefault();
  const input = document.getElementById('lookup-token');
  const box = document.getElementById('lookup-result');
  const byHash = document.getElementById('lookup-kind').value === 'sha256';
  const token = input.value.trim();
  if (!token) {
    box.replaceChildren(el('p', { className: 'muted' }, 'Paste a token or its SHA-256 first.'));
    return;
  }
  if (byHash && !/^[0-9a-fA-F]{64}$/.test(token)) {
    box.replaceChildren(el('p', { className: 'unverified' }, 'A SHA-256 is 64 hexadecimal digits.'));
    return;
  }
  box.replaceChildren(el('p', { className: 'muted' }, 'Looking up…'));
  const answer = byHash ? await lookUpHash(token.toLowerCase()) : await lookUpValue(token);
  input.value = '';
  const body = answer.body;
  if (!answer.ok || !body) {
    box.replaceChildren(el('p', { className: 'unverified' }, problem(answer)));
    return;
  }
  const events = body.events || [];
  const table = el('table', { id: 'lookup-events' },
    el('thead', {}, el('tr', {}, ...['Time (UTC)', 'Event', 'Subject', 'Token type', 'Actor']
      .map((name) => el('th', { scope: 'col' }, name)))),
    el('tbody', {}, ...events.map((e) => el('tr', {},
      el('td', { className: 'mono nowrap' }, time(e.occurredAt)),
      el('td', {}, e.eventType),
      el('td', { className: 'mono' }, `${e.subjectLabel || e.subjectType || ''} ${e.subjectId || ''}`.trim()),
      el('td', {}, e.tokenType || ''),
      el('td', { className: 'mono' }, e.actorId || '')))));
  box.replaceChildren(
    el('p', {}, events.length === 0 ? 'No record names this token.'
      : `${events.length} ${events.length === 1 ? 'record names' : 'records name'} this token.`),
    list({ tokenSha256: body.tokenSha256 }),
    ...(events.length ? [table] : []));
}

function run() {
  query = filters();
  exportLinks();
  search(null);
  chart();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});
form.addEventListener('reset', () => setTimeout(run));
nextButton.addEventListener('click', () => search(nextCursor));
document.getElementById('lookup').addEventListener('submit', lookUp);
firstButton.addEventListener('click', () => search(null));

who();
run();
verification();
