// Readout dashboard: plain JavaScript, no dependencies. Article text and every value from the API
// is untrusted: the DOM is built with createElement/textContent only (never innerHTML), and the
// server's Content-Security-Policy forbids inline scripts.
'use strict';

const API = '/api/v1';
const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const MODALITIES = ['asserted', 'planned', 'intended', 'hypothetical', 'negated'];
// Cooperative types in greens/blues, conflictual in reds/oranges (weights as in the API's score).
const WEIGHT = { AGREE: 4, CONSULT: 1, SUPPORT: 3.5, CONCEDE: 5, COOPERATE: 6, AID: 7, RETREAT: 5, REQUEST: -1,
  ACCUSE: -2, REJECT: -4, THREATEN: -6, PROTEST: -6.5, SANCTION: -4, MOBILIZE: -7.2, COERCE: -7, ASSAULT: -9 };
const COLOR = { AGREE: '#1b7837', CONSULT: '#5aae61', SUPPORT: '#a6dba0', CONCEDE: '#4393c3', COOPERATE: '#2166ac',
  AID: '#92c5de', RETREAT: '#80cdc1', REQUEST: '#bababa', ACCUSE: '#fdae61', REJECT: '#f46d43', THREATEN: '#d73027',
  PROTEST: '#fee090', SANCTION: '#a50026', MOBILIZE: '#8c510a', COERCE: '#762a83', ASSAULT: '#40004b' };
const SVG = 'http://www.w3.org/2000/svg';

// ---------- small DOM helpers ----------
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}
function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}
function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}
const main = () => document.getElementById('main');
function show(...nodes) { const m = main(); m.replaceChildren(...nodes.flat().filter(Boolean)); }
function fmtDate(d) { return d ? String(d).slice(0, 10) : '—'; }
function typeBadge(t) { const w = WEIGHT[t] ?? 0; return h('span', { class: 'type ' + (w > 0 ? 'coop' : w < 0 ? 'conf' : 'neutral'), text: t }); }
function who(arg) { return arg ? arg.name + (arg.country ? ' (' + arg.country + ')' : '') : '—'; }
function scoreColor(score) { return score > 0.5 ? 'var(--coop)' : score < -0.5 ? 'var(--conf)' : 'var(--neutral)'; }

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') qs.set(k, v);
  const url = API + path + (qs.toString() ? '?' + qs : '');
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error((body && (body.detail || body.title)) || ('HTTP ' + res.status));
  return body;
}
function errorBox(e) { return h('p', { class: 'error', role: 'alert', text: 'Could not load: ' + e.message }); }

// ---------- routing: #/view?params ----------
function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const params = Object.fromEntries(new URLSearchParams(query || ''));
  const parts = path.split('/').filter(Boolean);
  const view = parts[0] || 'home';
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  const views = { home: viewHome, search: viewSearch, dyad: viewDyad, network: viewNetwork, map: viewMap, events: viewEvents, article: viewArticle };
  const render = views[view] || viewHome;
  document.body.dataset.view = view;
  delete document.body.dataset.ready;
  Promise.resolve(render(params, parts.slice(1)))
    .catch(e => show(errorBox(e)))
    .finally(() => {
      document.body.dataset.ready = view;
      // When the view became usable, read by the load test's first-view figure.
      performance.mark('view-ready', { detail: view });
      // Tests wait for this counter: one more each time a view has finished rendering.
      document.body.dataset.renders = String(Number(document.body.dataset.renders || 0) + 1);
    });
}
function go(view, params) {
  const qs = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  location.hash = '#/' + view + (qs.toString() ? '?' + qs : '');
}

// ---------- overview ----------
async function viewHome() {
  // The latest events need only the stats: asked for as soon as they come, alongside the country counts.
  const statsAsked = api('/stats');
  const recentAsked = statsAsked.then(stats => api('/events', { limit: 10, from: stats.last_event_date ? shiftDays(stats.last_event_date, -60) : undefined }));
  const [stats, countries, recent] = await Promise.all([statsAsked, api('/countries'), recentAsked]);
  document.getElementById('status').textContent = `${stats.articles.toLocaleString('en')} articles, ${stats.events.toLocaleString('en')} events`;
  const dyads = h('ul', { class: 'event-list' }, countries.dyads.slice(0, 12).map(d =>
    h('li', {}, h('a', { href: `#/dyad?a=${d.first}&b=${d.second}` }, `${d.first} – ${d.second}`),
      ' ', h('span', { class: 'muted', text: `${d.events.toLocaleString('en')} events, score ${d.score}` }))));
  show(
    h('h1', { text: 'Overview' }),
    h('div', { class: 'grid' },
      h('div', { class: 'card' }, h('div', { class: 'stat', text: stats.events.toLocaleString('en') }), h('div', { class: 'muted', text: 'events' })),
      h('div', { class: 'card' }, h('div', { class: 'stat', text: stats.articles.toLocaleString('en') }), h('div', { class: 'muted', text: 'articles' })),
      h('div', { class: 'card' }, h('div', { class: 'stat', text: `${fmtDate(stats.first_event_date)} – ${fmtDate(stats.last_event_date)}` }), h('div', { class: 'muted', text: 'event dates' }))),
    h('div', { class: 'grid' },
      h('section', { class: 'card' }, h('h2', { text: 'Busiest dyads' }), dyads),
      h('section', { class: 'card' }, h('h2', { text: 'Countries' }),
        h('p', {}, countries.countries.slice(0, 30).map(c => h('a', { class: 'pill', href: `#/events?country=${c.code}` }, `${c.code} ${c.events.toLocaleString('en')}`))))),
    h('h2', { text: 'Latest events' }),
    eventTable(recent.items));
}
function shiftDays(iso, days) { const d = new Date(iso + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + days); return d.toISOString().slice(0, 10); }

// ---------- search ----------
async function viewSearch(params) {
  const q = params.q || '';
  document.getElementById('search-q').value = q;
  if (!q.trim()) { show(h('h1', { text: 'Search' }), h('p', { class: 'muted', text: 'Type words, "a phrase", prefix* or OR in the search box.' })); return; }
  const [hits, events] = await Promise.all([api('/search', { q, limit: 20 }), api('/events', { q, limit: 20 }).catch(() => ({ items: [] }))]);
  show(
    h('h1', {}, 'Search: ', h('q', { text: q })),
    h('h2', { text: `Articles (${hits.items.length})` }),
    hits.items.length === 0 ? h('p', { class: 'muted', text: 'No article matches.' }) :
      h('ol', { class: 'hits' }, hits.items.map(hit => h('li', {},
        h('a', { href: `#/article/${hit.article_id}` }, hit.article.title || hit.article.url || `Article ${hit.article_id}`),
        ' ', h('span', { class: 'muted', text: `${hit.article.source || ''} ${fmtDate(hit.article.published)}` }),
        h('div', {}, highlighted(hit.snippet, hit.highlights))))),
    h('h2', { text: `Events whose evidence matches (${events.items.length}${events.next_cursor ? '+' : ''})` }),
    eventTable(events.items));
}
function highlighted(text, ranges) {
  const out = []; let at = 0;
  for (const r of ranges) { out.push(text.slice(at, r.start), h('mark', { text: text.slice(r.start, r.end) })); at = r.end; }
  out.push(text.slice(at));
  return out;
}

// ---------- event table with filters ----------
// Columns the loaded rows can be sorted by (the server pages by date; sorting reorders what is loaded).
const COLUMNS = [
  { name: 'Date', key: e => e.date_start || '9999' },
  { name: 'Type', key: e => e.type },
  { name: 'Source', key: e => who(e.source) },
  { name: 'Target', key: e => who(e.target) },
  { name: 'Modality', key: e => e.modality },
  { name: 'Place', key: e => (e.location ? e.location.name : ''), narrow: true },
];
function eventTable(items, onMore) {
  if (items.length === 0) return h('p', { class: 'muted', text: 'No events match.' });
  const body = h('tbody');
  const rows = [];
  let sort = null; // { col, dir: 1 | -1 } or null for the server's order
  const addRows = list => {
    for (const e of list) {
      const link = h('a', { href: `#/article/${e.article_id}?event=${e.id}`, 'data-event': e.id }, e.sentence.text.length > 140 ? e.sentence.text.slice(0, 140) + '…' : e.sentence.text);
      const row = h('tr', { class: 'ev' },
        h('td', { text: fmtDate(e.date_start) }), h('td', {}, typeBadge(e.type)),
        h('td', { text: who(e.source) }), h('td', { text: who(e.target) }), h('td', { text: e.modality }),
        h('td', { class: 'hide-narrow', text: e.location ? e.location.name : '' }), h('td', {}, link));
      row.addEventListener('click', ev => { if (ev.target.tagName !== 'A') link.click(); });
      rows.push({ e, row, order: rows.length });
    }
    render();
  };
  const heads = COLUMNS.map((c, i) => {
    const button = h('button', { type: 'button', class: 'sort', text: c.name });
    button.addEventListener('click', () => {
      sort = sort && sort.col === i ? (sort.dir === 1 ? { col: i, dir: -1 } : null) : { col: i, dir: 1 };
      render();
    });
    return h('th', { scope: 'col', class: c.narrow ? 'hide-narrow' : null, 'aria-sort': 'none' }, button);
  });
  function render() {
    const sorted = rows.slice();
    if (sort) {
      const key = COLUMNS[sort.col].key;
      sorted.sort((x, y) => sort.dir * key(x.e).localeCompare(key(y.e), 'en') || x.order - y.order);
    }
    heads.forEach((th, i) => th.setAttribute('aria-sort', sort && sort.col === i ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'));
    body.replaceChildren(...sorted.map(r => r.row));
  }
  addRows(items);
  const table = h('div', { class: 'table-wrap' }, h('table', { class: 'events' },
    h('caption', { class: 'sr', text: 'Events. Column buttons sort the loaded rows; a third press restores date order.' }),
    h('thead', {}, h('tr', {}, heads, h('th', { scope: 'col', text: 'Evidence' }))), body));
  if (!onMore) return table;
  const more = h('button', { type: 'button', class: 'more', text: 'Load more' });
  more.addEventListener('click', async () => {
    more.disabled = true;
    const next = await onMore();
    addRows(next.items);
    more.disabled = false;
    if (!next.next_cursor) more.remove();
  });
  return [table, more];
}

function filterForm(values, fields, onSubmit) {
  const input = (name, label, attrs) => h('label', {}, label, h('input', { name, value: values[name] || '', ...attrs }));
  const select = (name, label, options) => h('label', {}, label,
    h('select', { name }, h('option', { value: '', text: 'any' }), options.map(o => h('option', { value: o.toLowerCase(), selected: (values[name] || '') === o.toLowerCase(), text: o.toLowerCase() }))));
  const all = {
    country: () => input('country', 'Country', { maxlength: 3, placeholder: 'JPN', pattern: '[A-Za-z]{3}', size: 4 }),
    dyad: () => input('dyad', 'Dyad', { placeholder: 'JPN,VNM', maxlength: 7, pattern: '[A-Za-z]{3},[A-Za-z]{3}' }),
    actor: () => input('actor', 'Actor', { placeholder: 'name contains', maxlength: 100 }),
    type: () => select('type', 'Type', TYPES),
    modality: () => select('modality', 'Modality', MODALITIES),
    from: () => input('from', 'From', { type: 'date' }),
    to: () => input('to', 'To', { type: 'date' }),
    q: () => input('q', 'Evidence text', { maxlength: 200, type: 'search' }),
  };
  const form = h('form', { class: 'filters card', 'aria-label': 'Filters' }, fields.map(f => all[f]()),
    h('button', { type: 'submit', class: 'primary', text: 'Apply' }),
    h('button', { type: 'reset', text: 'Clear' }));
  form.addEventListener('submit', ev => { ev.preventDefault(); onSubmit(Object.fromEntries(new FormData(form))); });
  form.addEventListener('reset', ev => { ev.preventDefault(); onSubmit({}); });
  return form;
}

const FILTERS = ['country', 'dyad', 'actor', 'type', 'modality', 'from', 'to', 'q'];
function pick(params, names) { const o = {}; for (const n of names) if (params[n]) o[n] = params[n]; return o; }

async function viewEvents(params) {
  const filters = pick(params, FILTERS);
  const form = filterForm(filters, FILTERS, v => go('events', v));
  let page;
  try { page = await api('/events', { ...filters, limit: 50 }); }
  catch (e) { show(h('h1', { text: 'Events' }), form, errorBox(e)); return; }
  let cursor = page.next_cursor;
  const more = async () => { const next = await api('/events', { ...filters, limit: 50, cursor }); cursor = next.next_cursor; return next; };
  show(h('h1', { text: 'Events' }), form, eventTable(page.items, page.next_cursor ? more : null));
}

// ---------- dyad view: picker, stacked timeline, events ----------
async function viewDyad(params) {
  const countries = await api('/countries');
  const codes = countries.countries.map(c => c.code);
  const a = (params.a || (countries.dyads[0] || {}).first || '').toUpperCase();
  const b = (params.b || (countries.dyads[0] || {}).second || '').toUpperCase();
  const bucket = params.bucket || 'month';
  const filters = pick(params, ['type', 'modality', 'from', 'to']);
  const sel = (id, label, value) => h('label', { for: id }, label, h('select', { id, name: id },
    codes.map(c => h('option', { value: c, selected: c === value, text: c }))));
  const picker = h('form', { class: 'filters card', 'aria-label': 'Dyad' },
    sel('dyad-a', 'First country', a), sel('dyad-b', 'Second country', b),
    h('label', { for: 'dyad-bucket' }, 'Period', h('select', { id: 'dyad-bucket' }, ['day', 'week', 'month'].map(x => h('option', { value: x, selected: x === bucket, text: x })))),
    h('label', { for: 'dyad-from' }, 'From', h('input', { id: 'dyad-from', type: 'date', value: filters.from || '' })),
    h('label', { for: 'dyad-to' }, 'To', h('input', { id: 'dyad-to', type: 'date', value: filters.to || '' })),
    h('button', { type: 'submit', class: 'primary', text: 'Show' }),
    filters.from || filters.to ? h('button', { type: 'button', text: 'Reset zoom', onclick: () => go('dyad', { a, b, bucket, ...filters, from: '', to: '' }) }) : null);
  picker.addEventListener('submit', ev => {
    ev.preventDefault();
    go('dyad', { a: picker.querySelector('#dyad-a').value, b: picker.querySelector('#dyad-b').value, bucket: picker.querySelector('#dyad-bucket').value,
      ...filters, from: picker.querySelector('#dyad-from').value, to: picker.querySelector('#dyad-to').value });
  });
  // Dragging across the timeline zooms to those periods, with the finest period that keeps the chart readable.
  const brush = (from, to) => {
    const days = (Date.parse(to) - Date.parse(from)) / 864e5 + 1;
    go('dyad', { a, b, ...filters, from, to, bucket: days <= 200 ? 'day' : days <= 1400 ? 'week' : 'month' });
  };
  const quick = h('p', {}, h('span', { class: 'muted', text: 'Busiest: ' }),
    countries.dyads.slice(0, 8).map(d => h('a', { class: 'pill', href: `#/dyad?a=${d.first}&b=${d.second}&bucket=${bucket}` }, `${d.first}–${d.second}`)));
  if (!a || !b) { show(h('h1', { text: 'Dyads' }), picker, h('p', { class: 'muted', text: 'No events between two countries yet.' })); return; }
  // A pair with events decades apart has too many days for one chart: fall back to a longer period.
  const buckets = ['day', 'week', 'month'];
  let timeline = null, used = bucket;
  for (const bk of buckets.slice(Math.max(0, buckets.indexOf(bucket)))) {
    try { timeline = await api(`/dyads/${a}/${b}/timeline`, { bucket: bk, ...filters }); used = bk; break; }
    catch (e) {
      if (bk === 'month' || !/periods/.test(e.message)) { show(h('h1', { text: `${a} – ${b}` }), picker, quick, errorBox(e)); return; }
    }
  }
  const page = await api('/events', { dyad: `${a},${b}`, limit: 50, ...filters });
  const notice = used === bucket ? null
    : h('p', { class: 'muted', role: 'status', text: `These dates span too many ${bucket}s for one chart: one bar per ${used}. Narrow the dates (from/to) for ${bucket}s.` });
  let cursor = page.next_cursor;
  const more = async () => { const next = await api('/events', { dyad: `${a},${b}`, limit: 50, cursor, ...filters }); cursor = next.next_cursor; return next; };
  show(
    h('h1', { text: `${a} – ${b}` }), picker, quick, notice,
    h('p', {}, `${timeline.total.toLocaleString('en')} dated events; mean cooperation–conflict score `,
      h('strong', { text: String(timeline.score) }), ' (−10 hostile … +10 cooperative).'),
    timelineChart(timeline, a, b, brush),
    h('h2', { text: 'Events' }),
    eventTable(page.items, page.next_cursor ? more : null));
}

function timelineChart(t, a, b, onBrush) {
  const W = 960, H = 300, L = 44, R = 44, T = 12, B = 36;
  const periods = t.periods;
  if (periods.length === 0) return h('p', { class: 'muted', text: 'No dated events between these countries.' });
  const max = Math.max(1, ...periods.map(p => p.total));
  const bw = (W - L - R) / periods.length;
  const y = v => T + (H - T - B) * (1 - v / max);
  const ys = v => T + (H - T - B) * (1 - (v + 10) / 20);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Events between ${a} and ${b} per ${t.bucket}, stacked by type` });
  svg.appendChild(s('title', { text: `Events between ${a} and ${b} per ${t.bucket}` }));
  for (const v of [0, max / 2, max]) {
    svg.appendChild(s('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#e3e6ea' }));
    svg.appendChild(s('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#5c6675', text: String(Math.round(v)) }));
  }
  periods.forEach((p, i) => {
    let acc = 0;
    const g = s('g', { class: 'bar' });
    for (const type of TYPES) {
      const n = p.counts[type];
      if (!n) continue;
      const rect = s('rect', { x: L + i * bw + (bw > 4 ? 1 : 0), width: Math.max(0.5, bw - (bw > 4 ? 2 : 0)), y: y(acc + n), height: y(acc) - y(acc + n), fill: COLOR[type] });
      rect.appendChild(s('title', { text: `${p.start}: ${n} ${type}` }));
      g.appendChild(rect);
      acc += n;
    }
    svg.appendChild(g);
  });
  // The score line on its own axis (right).
  const pts = periods.map((p, i) => p.total ? `${L + (i + 0.5) * bw},${ys(p.score)}` : null).filter(Boolean);
  if (pts.length > 1) svg.appendChild(s('polyline', { points: pts.join(' '), fill: 'none', stroke: '#16202e', 'stroke-width': 1.5, 'stroke-dasharray': '4 3' }));
  svg.appendChild(s('text', { x: W - R + 6, y: ys(10) + 4, 'font-size': 11, fill: '#5c6675', text: '+10' }));
  svg.appendChild(s('text', { x: W - R + 6, y: ys(0) + 4, 'font-size': 11, fill: '#5c6675', text: '0' }));
  svg.appendChild(s('text', { x: W - R + 6, y: ys(-10) + 4, 'font-size': 11, fill: '#5c6675', text: '−10' }));
  const step = Math.max(1, Math.ceil(periods.length / 8));
  periods.forEach((p, i) => {
    if (i % step === 0) svg.appendChild(s('text', { x: L + i * bw, y: H - B + 16, 'font-size': 11, fill: '#5c6675', text: t.bucket === 'month' ? p.start.slice(0, 7) : p.start }));
  });
  if (onBrush) brushable(svg, periods, t.bucket, { L, T, H: H - T - B, bw }, onBrush);
  const legend = h('div', { class: 'legend' }, t.types.map(type => h('span', {}, h('i', { class: 'swatch', 'data-type': type }), type)),
    h('span', {}, '- - score (right axis)'));
  for (const i of legend.querySelectorAll('i[data-type]')) i.style.background = COLOR[i.dataset.type];
  return h('figure', { class: 'chart', style: null }, svg, legend,
    h('figcaption', { class: 'sr', text: periods.filter(p => p.total).map(p => `${p.start}: ${p.total} events, score ${p.score}`).join('; ') }));
}

// Pointer drag over the bars selects whole periods; on release onBrush(firstDay, lastDay) is called.
function brushable(svg, periods, bucket, box, onBrush) {
  const band = s('rect', { class: 'brush', x: 0, y: box.T, width: 0, height: box.H, visibility: 'hidden' });
  svg.appendChild(band);
  svg.classList.add('brushable');
  const at = ev => {
    const pt = svg.createSVGPoint();
    pt.x = ev.clientX; pt.y = ev.clientY;
    const x = pt.matrixTransform(svg.getScreenCTM().inverse()).x;
    return Math.min(periods.length - 1, Math.max(0, Math.floor((x - box.L) / box.bw)));
  };
  let start = null;
  const span = end => (start <= end ? [start, end] : [end, start]);
  svg.addEventListener('pointerdown', ev => { start = at(ev); svg.setPointerCapture(ev.pointerId); ev.preventDefault(); });
  svg.addEventListener('pointermove', ev => {
    if (start === null) return;
    const [i, j] = span(at(ev));
    band.setAttribute('x', box.L + i * box.bw); band.setAttribute('width', (j - i + 1) * box.bw); band.setAttribute('visibility', 'visible');
  });
  svg.addEventListener('pointerup', ev => {
    if (start === null) return;
    const [i, j] = span(at(ev));
    start = null;
    band.setAttribute('visibility', 'hidden');
    if (j > i) onBrush(periods[i].start, lastDay(periods[j].start, bucket)); // a plain click is not a zoom
  });
}
function lastDay(start, bucket) {
  const d = new Date(start + 'T00:00:00Z');
  if (bucket === 'day') return start;
  if (bucket === 'week') d.setUTCDate(d.getUTCDate() + 6);
  else { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

// ---------- network ----------
async function viewNetwork(params) {
  const level = params.level === 'actor' ? 'actor' : 'country';
  const filters = pick(params, ['type', 'modality', 'from', 'to', 'country']);
  const form = filterForm(filters, ['country', 'type', 'modality', 'from', 'to'], v => go('network', { ...v, level }));
  const toggle = h('p', {}, 'Nodes: ',
    h('a', { href: '#/network?' + new URLSearchParams({ ...filters, level: 'country' }), 'aria-current': level === 'country' ? 'true' : null, class: 'pill', text: 'countries' }),
    h('a', { href: '#/network?' + new URLSearchParams({ ...filters, level: 'actor' }), 'aria-current': level === 'actor' ? 'true' : null, class: 'pill', text: 'actors' }));
  const net = await api('/network', { level, limit: 150, ...filters });
  show(h('h1', { text: 'Network' }), toggle, form, networkChart(net, level),
    h('p', { class: 'legend' }, h('span', {}, h('i', { class: 'swatch coop' }), 'mostly cooperation'), h('span', {}, h('i', { class: 'swatch conf' }), 'mostly conflict'), h('span', {}, h('i', { class: 'swatch neutral' }), 'mixed')),
    h('h2', { text: 'Strongest links' }), edgeTable(net, level));
  for (const [cls, color] of [['coop', 'var(--coop)'], ['conf', 'var(--conf)'], ['neutral', 'var(--neutral)']]) {
    for (const i of main().querySelectorAll('.swatch.' + cls)) i.style.background = color;
  }
}
function nodeLink(level, id) { return level === 'country' ? `#/events?country=${encodeURIComponent(id)}` : `#/events?actor=${encodeURIComponent(id)}`; }
function networkChart(net, level) {
  const W = 960, H = 560;
  if (net.nodes.length === 0) return h('p', { class: 'muted', text: 'No events with both a source and a target.' });
  const nodes = net.nodes.slice(0, 60);
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const edges = net.edges.filter(e => index.has(e.source) && index.has(e.target) && e.source !== e.target);
  // Start on a circle, then a short deterministic force layout (repulsion + springs).
  const pos = nodes.map((n, i) => ({ x: W / 2 + Math.cos(2 * Math.PI * i / nodes.length) * W * 0.35, y: H / 2 + Math.sin(2 * Math.PI * i / nodes.length) * H * 0.38 }));
  for (let it = 0; it < 200; it++) {
    const f = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < pos.length; i++) for (let j = i + 1; j < pos.length; j++) {
      const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y, d2 = Math.max(dx * dx + dy * dy, 100), k = 9000 / d2;
      f[i].x += dx * k / Math.sqrt(d2); f[i].y += dy * k / Math.sqrt(d2); f[j].x -= dx * k / Math.sqrt(d2); f[j].y -= dy * k / Math.sqrt(d2);
    }
    for (const e of edges) {
      const i = index.get(e.source), j = index.get(e.target), dx = pos[j].x - pos[i].x, dy = pos[j].y - pos[i].y, d = Math.sqrt(dx * dx + dy * dy) || 1, k = (d - 140) * 0.02;
      f[i].x += dx / d * k * d * 0.05; f[i].y += dy / d * k * d * 0.05; f[j].x -= dx / d * k * d * 0.05; f[j].y -= dy / d * k * d * 0.05;
    }
    pos.forEach((p, i) => { p.x = Math.min(W - 40, Math.max(40, p.x + Math.max(-20, Math.min(20, f[i].x + (W / 2 - p.x) * 0.01)))); p.y = Math.min(H - 30, Math.max(30, p.y + Math.max(-20, Math.min(20, f[i].y + (H / 2 - p.y) * 0.01)))); });
  }
  const maxEdge = Math.max(1, ...edges.map(e => e.events));
  const maxNode = Math.max(1, ...nodes.map(n => n.events));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'group', 'aria-label': `Interaction network of ${level === 'country' ? 'countries' : 'actors'}` });
  const ends = nodes.map(() => []); // per node: [line, 1 | 2] for the lines it ends
  for (const e of edges) {
    const i = index.get(e.source), j = index.get(e.target), a = pos[i], b = pos[j];
    const line = s('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: scoreColor(e.score), 'stroke-opacity': 0.7, 'stroke-width': 1 + 7 * Math.sqrt(e.events / maxEdge) });
    line.appendChild(s('title', { text: `${e.source} → ${e.target}: ${e.events} events (${e.cooperation} cooperation, ${e.conflict} conflict), score ${e.score}` }));
    svg.appendChild(line);
    ends[i].push([line, 1]); ends[j].push([line, 2]);
  }
  nodes.forEach((n, i) => {
    const r = 6 + 16 * Math.sqrt(n.events / maxNode);
    const circle = s('circle', { cx: pos[i].x, cy: pos[i].y, r, fill: '#1f5fbf' });
    const label = s('text', { x: pos[i].x, y: pos[i].y - r - 3, 'text-anchor': 'middle', text: n.label.length > 22 ? n.label.slice(0, 21) + '…' : n.label });
    const link = s('a', { href: nodeLink(level, n.id), class: 'node', 'data-node': n.id, 'aria-label': `${n.label}: ${n.events} events` }, circle, label);
    link.appendChild(s('title', { text: `${n.label}: ${n.events} events` }));
    const moveTo = (x, y) => {
      pos[i] = { x: Math.min(W - 10, Math.max(10, x)), y: Math.min(H - 10, Math.max(10, y)) };
      circle.setAttribute('cx', pos[i].x); circle.setAttribute('cy', pos[i].y);
      label.setAttribute('x', pos[i].x); label.setAttribute('y', pos[i].y - r - 3);
      for (const [line, end] of ends[i]) { line.setAttribute('x' + end, pos[i].x); line.setAttribute('y' + end, pos[i].y); }
    };
    draggable(svg, link, () => pos[i], moveTo);
    svg.appendChild(link);
  });
  return h('figure', { class: 'network' }, svg,
    h('figcaption', { class: 'muted', text: 'Drag a node, or focus it and use the arrow keys, to move it; click or Enter opens its events.' }));
}
// A node moves with the pointer (a drag does not follow the link) or by 10 units per arrow key.
function draggable(svg, el, get, moveTo) {
  const toSvg = ev => { const pt = svg.createSVGPoint(); pt.x = ev.clientX; pt.y = ev.clientY; return pt.matrixTransform(svg.getScreenCTM().inverse()); };
  let grab = null, moved = false;
  el.addEventListener('pointerdown', ev => {
    const p = toSvg(ev), at = get();
    grab = { dx: at.x - p.x, dy: at.y - p.y, x: ev.clientX, y: ev.clientY }; moved = false;
    el.setPointerCapture(ev.pointerId);
  });
  el.addEventListener('pointermove', ev => {
    if (!grab) return;
    if (Math.abs(ev.clientX - grab.x) + Math.abs(ev.clientY - grab.y) > 3) moved = true;
    if (moved) { const p = toSvg(ev); moveTo(p.x + grab.dx, p.y + grab.dy); }
  });
  el.addEventListener('pointerup', () => { grab = null; });
  el.addEventListener('click', ev => { if (moved) { ev.preventDefault(); moved = false; } });
  el.addEventListener('keydown', ev => {
    const step = { ArrowLeft: [-10, 0], ArrowRight: [10, 0], ArrowUp: [0, -10], ArrowDown: [0, 10] }[ev.key];
    if (!step) return;
    ev.preventDefault();
    const at = get();
    moveTo(at.x + step[0], at.y + step[1]);
  });
}
function edgeTable(net, level) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, ['Source', 'Target', 'Events', 'Cooperation', 'Conflict', 'Score'].map(t => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, net.edges.slice(0, 25).map(e => h('tr', {},
      h('td', {}, h('a', { href: nodeLink(level, e.source), text: e.source })), h('td', {}, h('a', { href: nodeLink(level, e.target), text: e.target })),
      h('td', { text: e.events.toLocaleString('en') }), h('td', { text: e.cooperation.toLocaleString('en') }), h('td', { text: e.conflict.toLocaleString('en') }),
      h('td', { text: String(e.score) }))))));
}

// ---------- map ----------
let worldCache = null;
async function world() {
  if (!worldCache) worldCache = fetch('/assets/world.json').then(r => r.json());
  return worldCache;
}
async function viewMap(params) {
  const filters = pick(params, ['country', 'dyad', 'type', 'modality', 'from', 'to']);
  const zoom = Math.min(8, Math.max(1, Number(params.zoom) || 1));
  const form = filterForm(filters, ['country', 'dyad', 'type', 'modality', 'from', 'to'], v => go('map', v));
  const [w, places] = await Promise.all([world(), api('/places', { limit: 5000, ...filters })]);
  const W = w.width, H = w.height;
  const px = lon => (lon + 180) * W / 360, py = lat => (90 - lat) * H / 180;
  // Center the view on the located events when zoomed in.
  const total = places.items.reduce((n, p) => n + p.events, 0);
  const cx = total ? places.items.reduce((n, p) => n + px(p.longitude) * p.events, 0) / total : W / 2;
  const cy = total ? places.items.reduce((n, p) => n + py(p.latitude) * p.events, 0) / total : H / 2;
  const vw = W / zoom, vh = H / zoom;
  // The centre (x, y in map units) is in the URL once panned; it is kept inside the map.
  const fx = Number.isFinite(Number(params.x)) ? Number(params.x) : cx;
  const fy = Number.isFinite(Number(params.y)) ? Number(params.y) : cy;
  const clampX = x => Math.min(W - vw, Math.max(0, x)), clampY = y => Math.min(H - vh, Math.max(0, y));
  const vx = clampX(fx - vw / 2), vy = clampY(fy - vh / 2);
  const view = (z, x, y) => go('map', { ...filters, zoom: z > 1 ? z : undefined, x: Math.round(x), y: Math.round(y) });
  const svg = s('svg', { viewBox: `${vx} ${vy} ${vw} ${vh}`, role: 'group', 'aria-label': 'Map of event locations' });
  const land = s('g', { 'aria-hidden': 'true' });
  for (const c of w.countries) { const p = s('path', { d: c.d, class: 'land' }); p.appendChild(s('title', { text: c.name })); land.appendChild(p); }
  svg.appendChild(land);
  // Grid clustering in screen space: points closer than one cell merge.
  const cell = 28 / zoom;
  const clusters = new Map();
  for (const p of places.items) {
    const x = px(p.longitude), y = py(p.latitude), key = Math.floor(x / cell) + ':' + Math.floor(y / cell);
    const c = clusters.get(key) || { x: 0, y: 0, events: 0, places: [] };
    c.x += x * p.events; c.y += y * p.events; c.events += p.events; c.places.push(p);
    clusters.set(key, c);
  }
  const maxC = Math.max(1, ...[...clusters.values()].map(c => c.events));
  for (const c of clusters.values()) {
    const x = c.x / c.events, y = c.y / c.events, r = (5 + 13 * Math.sqrt(c.events / maxC)) / zoom;
    const names = c.places.map(p => p.name).join(', ');
    const target = c.places.length === 1 && c.places[0].country ? `#/events?country=${c.places[0].country}` : '#/events';
    const g = s('a', { href: target, class: 'cluster', 'aria-label': `${names}: ${c.events} events` },
      s('circle', { cx: x, cy: y, r }), s('text', { x, y: y + 3.5 / zoom, 'font-size': 10 / zoom, text: c.events > 999 ? Math.round(c.events / 1000) + 'k' : String(c.events) }));
    g.appendChild(s('title', { text: `${names}: ${c.events} events` }));
    svg.appendChild(g);
  }
  const mx = vx + vw / 2, my = vy + vh / 2;
  const pan = (label, dx, dy) => h('button', { type: 'button', 'aria-label': 'Pan ' + label, title: 'Pan ' + label, text: { left: '←', right: '→', up: '↑', down: '↓' }[label],
    disabled: zoom <= 1, onclick: () => view(zoom, mx + dx * vw / 4, my + dy * vh / 4) });
  pannable(svg, { x: vx, y: vy, w: vw, h: vh }, (x, y) => view(zoom, x + vw / 2, y + vh / 2));
  const zoomBar = h('p', { class: 'map-tools' }, h('button', { type: 'button', text: 'Zoom in', disabled: zoom >= 8, onclick: () => view(zoom * 2, mx, my) }), ' ',
    h('button', { type: 'button', text: 'Zoom out', disabled: zoom <= 1, onclick: () => view(zoom / 2, mx, my) }), ' ',
    pan('left', -1, 0), pan('up', 0, -1), pan('down', 0, 1), pan('right', 1, 0),
    h('span', { class: 'muted', text: ` ${places.items.length} places, ${total.toLocaleString('en')} located events` }));
  show(h('h1', { text: 'Map' }), form, zoomBar, h('figure', { class: 'map' }, svg),
    h('h2', { text: 'Places' }),
    h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, ['Place', 'Country', 'Events'].map(t => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, places.items.slice(0, 50).map(p => h('tr', {}, h('td', { text: p.name }), h('td', { text: p.country || '' }), h('td', { text: p.events.toLocaleString('en') })))))),
    h('p', { class: 'muted', text: 'Outlines: Natural Earth 1:110m (public domain) via world-atlas.' }));
}

// Dragging the map moves the view with the pointer; on release onPan(left, top) keeps it (in the URL).
// A drag that starts on a cluster does not follow its link.
function pannable(svg, box, onPan) {
  let grab = null, moved = false;
  svg.addEventListener('pointerdown', ev => { grab = { x: ev.clientX, y: ev.clientY, scale: box.w / svg.getBoundingClientRect().width }; moved = false; });
  const offset = ev => ({ x: box.x - (ev.clientX - grab.x) * grab.scale, y: box.y - (ev.clientY - grab.y) * grab.scale });
  svg.addEventListener('pointermove', ev => {
    if (!grab) return;
    // Captured only once it is a drag: a capture at pointerdown would retarget a plain click away from a cluster's link.
    if (!moved && Math.abs(ev.clientX - grab.x) + Math.abs(ev.clientY - grab.y) > 3) { moved = true; svg.setPointerCapture(ev.pointerId); }
    if (moved) { const o = offset(ev); svg.setAttribute('viewBox', `${o.x} ${o.y} ${box.w} ${box.h}`); }
  });
  svg.addEventListener('pointerup', ev => { if (grab && moved) { const o = offset(ev); onPan(o.x, o.y); } grab = null; });
  svg.addEventListener('click', ev => { if (moved) { ev.preventDefault(); moved = false; } }, true);
}

// ---------- article with highlighted evidence ----------
async function viewArticle(params, rest) {
  const id = Number(rest[0]);
  if (!Number.isInteger(id) || id <= 0) throw new Error('not an article id');
  const a = await api(`/articles/${id}`);
  let selected = Number(params.event) || (a.events[0] && a.events[0].id) || null;
  const textBox = h('div', { class: 'article-text', id: 'article-text', tabindex: '0', 'aria-label': 'Article text with evidence highlighted' });
  const list = h('ol', { class: 'event-list', 'aria-label': 'Events in this article' });
  const render = () => {
    renderText(textBox, a, a.events.find(e => e.id === selected));
    for (const b of list.querySelectorAll('button')) b.setAttribute('aria-pressed', String(Number(b.dataset.event) === selected));
    const mark = textBox.querySelector('.evidence.selected');
    if (mark && mark.scrollIntoView) mark.scrollIntoView({ block: 'nearest' });
  };
  for (const e of a.events) {
    const button = h('button', { type: 'button', 'data-event': e.id, 'aria-pressed': 'false' },
      typeBadge(e.type), ' ', `${who(e.source)} → ${who(e.target)}`, h('span', { class: 'muted', text: ` ${e.modality}, ${e.date || 'undated'}` }));
    button.addEventListener('click', () => { selected = e.id; history.replaceState(null, '', `#/article/${id}?event=${e.id}`); render(); });
    list.appendChild(h('li', {}, button, h('ul', { class: 'explain' }, e.explanation.map(line => h('li', { text: line })))));
  }
  show(
    h('h1', { text: a.title || a.url || `Article ${a.id}` }),
    h('p', { class: 'muted' }, [a.source, fmtDate(a.published), a.byline].filter(Boolean).join(' · '),
      a.url ? [' · ', h('span', { text: a.url })] : null),
    h('p', { class: 'legend' }, h('span', { class: 'k-evidence', text: 'evidence' }), h('span', { class: 'k-trigger', text: 'predicate' }),
      h('span', { class: 'k-source', text: 'source' }), h('span', { class: 'k-target', text: 'target' })),
    h('div', { class: 'article' }, textBox, h('section', { 'aria-label': 'Events and explanations' },
      h('h2', { text: `${a.events.length} event${a.events.length === 1 ? '' : 's'}` }), list)));
  render();
}

// Splits the text at every span boundary; each piece gets the classes of the spans covering it.
function renderText(box, article, ev) {
  const text = article.text;
  const ranges = [];
  for (const e of article.events) {
    ranges.push({ start: e.evidence.start, end: e.evidence.end, cls: 'evidence', id: e.id });
    for (const m of e.more_evidence) ranges.push({ start: m.start, end: m.end, cls: 'evidence', id: e.id });
  }
  if (ev) {
    ranges.push({ start: ev.trigger.start, end: ev.trigger.end, cls: 'trigger' });
    for (const role of ['source', 'target', 'attribution']) if (ev[role]) ranges.push({ start: ev[role].start, end: ev[role].end, cls: role });
  }
  for (const r of article.excluded_regions) ranges.push({ start: r.start, end: r.end, cls: 'excluded' });
  const cuts = new Set([0, text.length]);
  for (const r of ranges) { cuts.add(Math.max(0, Math.min(text.length, r.start))); cuts.add(Math.max(0, Math.min(text.length, r.end))); }
  const points = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i], to = points[i + 1], piece = text.slice(from, to);
    const covering = ranges.filter(r => r.start <= from && r.end >= to && r.end > r.start);
    if (covering.length === 0) { out.push(document.createTextNode(piece)); continue; }
    const cls = new Set(covering.map(r => r.cls));
    if (ev && covering.some(r => r.cls === 'evidence' && r.id === ev.id)) cls.add('selected');
    out.push(h('span', { class: [...cls].join(' '), text: piece }));
  }
  box.replaceChildren(...out);
}

// ---------- live refresh ----------
// The store may grow while a view is open (POSTed articles, `readout ingest` into the same file). A
// poll of /stats (cheap: answered from the response cache until the store changes) offers a refresh
// instead of re-rendering under the reader's eyes.
const POLL_MS = 15000;
let seen = null; // the stats when the current view was rendered
async function poll() {
  let stats;
  try { stats = await api('/stats'); } catch { return; } // server away: try again next time
  const box = document.getElementById('live');
  if (seen === null) { seen = stats; box.replaceChildren(); return; }
  if (stats.events === seen.events && stats.articles === seen.articles) return;
  const added = stats.events - seen.events;
  const refresh = h('button', { type: 'button', text: 'Refresh view' });
  refresh.addEventListener('click', () => { seen = null; box.replaceChildren(); route(); poll(); });
  box.replaceChildren(h('span', {
    text: added > 0 ? `${added.toLocaleString('en')} new event${added === 1 ? '' : 's'} stored since this view opened.` : 'The store has changed since this view opened.',
  }), ' ', refresh);
}

// ---------- start ----------
document.getElementById('search').addEventListener('submit', ev => {
  ev.preventDefault();
  go('search', { q: document.getElementById('search-q').value.trim() });
});
window.addEventListener('hashchange', () => { seen = null; route(); poll(); main().focus({ preventScroll: true }); });
route();
poll();
setInterval(poll, POLL_MS);
