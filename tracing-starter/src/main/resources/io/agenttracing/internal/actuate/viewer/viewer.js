// The trace viewer: a list of recent traces, one trace as a waterfall with the selected
// span's details, and a session as the conversation it forms. It reads the traces
// endpoint it sits under and nothing else. Every text from a trace goes into the page
// through textContent or attributes, never as HTML.
'use strict';

(() => {
  const ROW_HEIGHT = 26;
  const POLL_MILLIS = 2000;
  const LIST_LIMIT = 200;
  const base = location.pathname.replace(/\/ui(\/[^/]*)?$/, '');

  const $ = (id) => document.getElementById(id);
  const views = { list: $('list-view'), trace: $('trace-view'), session: $('session-view') };

  let pollTimer = null;
  let listGeneration = 0;
  let current = null; // the trace on show: { data, rows, byId, children, collapsed, selected, t0, span }

  // ---- small helpers -------------------------------------------------------------------

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) continue;
        if (key === 'class') node.className = value;
        else if (key === 'text') node.textContent = String(value);
        else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
        else node.setAttribute(key, value === true ? '' : String(value));
      }
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function kindBadge(kind) {
    return el('span', { class: 'kind kind-' + kind, text: kind });
  }

  function formatDuration(ms) {
    if (ms === null || ms === undefined || ms < 0) return '…';
    if (ms < 1) return ms.toFixed(2) + ' ms';
    if (ms < 1000) return ms.toFixed(1) + ' ms';
    if (ms < 60000) return (ms / 1000).toFixed(2) + ' s';
    return (ms / 60000).toFixed(1) + ' min';
  }

  function formatCost(cost) {
    if (cost === null || cost === undefined) return '';
    return '$' + (cost < 0.01 ? cost.toPrecision(3) : cost.toFixed(4));
  }

  function formatTime(iso) {
    const date = new Date(iso);
    return isNaN(date) ? iso : date.toLocaleTimeString();
  }

  function showError(message) {
    const box = $('error');
    box.textContent = message || '';
    box.hidden = !message;
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(url + ' answered ' + response.status);
    return response.json();
  }

  function show(name) {
    for (const [key, view] of Object.entries(views)) view.hidden = key !== name;
  }

  function crumbs(...parts) {
    const nav = $('crumbs');
    nav.replaceChildren();
    parts.forEach((part, i) => {
      if (i > 0) nav.append(' / ');
      nav.append(part.href ? el('a', { href: part.href, text: part.text }) : el('span', { text: part.text }));
    });
  }

  // ---- routing -------------------------------------------------------------------------

  function route() {
    showError('');
    stopPolling();
    const hash = location.hash.replace(/^#/, '') || '/';
    let match;
    if ((match = hash.match(/^\/trace\/([^/?]+)(?:\/span\/([^/?]+))?/))) {
      openTrace(decodeURIComponent(match[1]), match[2] && decodeURIComponent(match[2]));
    }
    else if ((match = hash.match(/^\/session\/([^?]+)/))) {
      openSession(decodeURIComponent(match[1]));
    }
    else {
      openList(new URLSearchParams(hash.split('?')[1] || ''));
    }
  }

  // ---- the trace list ------------------------------------------------------------------

  const filterIds = { kind: 'filter-kind', status: 'filter-status', session: 'filter-session', user: 'filter-user',
    tag: 'filter-tag', q: 'filter-text', level: 'filter-level', score: 'filter-score', sort: 'filter-sort' };

  function openList(params) {
    show('list');
    crumbs({ text: 'Recent traces' });
    for (const [name, id] of Object.entries(filterIds)) $(id).value = params.get(name) || '';
    refreshList();
    startPolling();
  }

  function filterParams() {
    const params = new URLSearchParams();
    for (const [name, id] of Object.entries(filterIds)) {
      const value = $(id).value.trim();
      if (value) params.set(name, value);
    }
    return params;
  }

  function onFilterChange() {
    const params = filterParams().toString();
    history.replaceState(null, '', '#/' + (params ? '?' + params : ''));
    refreshList();
    startPolling();
  }

  /** The list's query for its filters; {@code before} asks for the page after a trace. */
  function listQuery(filters, before) {
    const query = new URLSearchParams({ limit: String(LIST_LIMIT) });
    for (const name of ['kind', 'session', 'user', 'tag', 'q', 'level', 'score']) if (filters.get(name)) query.set(name, filters.get(name));
    if (filters.get('status') === 'errors') query.set('errors', 'true');
    if (filters.get('status') === 'ok') query.set('errors', 'false');
    if (before) query.set('before', before);
    return query;
  }

  /** The next page of older traces, below the ones shown; the list stops following new ones. */
  async function loadOlder() {
    const rows = $('trace-rows').querySelectorAll('tr');
    const last = rows.length ? rows[rows.length - 1].dataset.startTime : null;
    if (!last) return;
    stopPolling();
    $('live').classList.add('paused');
    $('live').textContent = 'paused';
    try {
      const body = await getJson(base + '?' + listQuery(filterParams(), last));
      const older = body ? body.traces : [];
      $('trace-rows').append(...older.map(listRow));
      $('list-older').hidden = older.length < LIST_LIMIT;
    }
    catch (error) {
      showError('Could not load older traces: ' + error.message);
    }
  }

  async function refreshList() {
    const generation = ++listGeneration;
    const filters = filterParams();
    const query = listQuery(filters, null);
    try {
      const body = await getJson(base + '?' + query);
      if (generation !== listGeneration || views.list.hidden) return;
      renderList(sorted(body ? body.traces : [], filters.get('sort')));
      $('live').classList.remove('paused');
      $('live').textContent = 'live';
    }
    catch (error) {
      $('live').classList.add('paused');
      $('live').textContent = 'offline';
    }
  }

  /** Newest first, or by the value of a score (highest first), traces without it last. */
  function sorted(traces, byScore) {
    if (!byScore) return traces;
    const value = (trace) => {
      const v = (trace.scores || {})[byScore];
      return v === undefined ? -Infinity : v === true ? 1 : v === false ? 0 : typeof v === 'number' ? v : -Infinity;
    };
    return traces.slice().sort((a, b) => value(b) - value(a));
  }

  function renderList(traces) {
    $('trace-rows').replaceChildren(...traces.map(listRow));
    $('list-empty').hidden = traces.length > 0;
    $('list-older').hidden = traces.length < LIST_LIMIT;
  }

  function listRow(trace) {
    const session = trace.sessionId
      ? el('a', { href: '#/session/' + encodeURIComponent(trace.sessionId), text: trace.sessionName || trace.sessionId,
        title: trace.sessionId, onclick: (event) => event.stopPropagation() })
      : '';
    const tags = (trace.tags || []).map((tag) => el('span', { class: 'tag', text: tag }));
    const row = el('tr', { tabindex: 0, 'data-trace-id': trace.traceId, 'data-start-time': trace.startTime },
      el('td', { text: formatTime(trace.startTime) }),
      el('td', { class: 'name' }, trace.name || '(unnamed)', ...tags,
        (trace.level === 'WARNING' || trace.level === 'ERROR') ? el('span', { class: 'level level-' + trace.level, text: trace.level }) : null),
      el('td', null, kindBadge(trace.kind)),
      el('td', { class: 'status-' + trace.status },
        trace.status + (trace.errorCount ? ' (' + trace.errorCount + ' error' + (trace.errorCount > 1 ? 's' : '') + ')' : ''),
        trace.incomplete ? el('span', { class: 'badge', text: 'incomplete' }) : null),
      el('td', { class: 'num', text: formatDuration(trace.durationMs) }),
      el('td', { class: 'num', text: trace.spanCount }),
      el('td', null, session),
      el('td', { text: trace.userId || '' }),
      el('td', { class: 'num', text: trace.totalTokens || '' }),
      el('td', { class: 'num', text: formatCost(trace.totalCost) }),
      el('td', { class: 'scores' }, ...Object.entries(trace.scores || {}).map(([name, value]) =>
        el('span', { class: 'score score-' + (value === true ? 'good' : value === false ? 'bad' : 'plain'), 'data-score': name },
          name + ' ' + (value === true ? '👍' : value === false ? '👎' : String(value))))));
    const open = () => { location.hash = '#/trace/' + encodeURIComponent(trace.traceId); };
    row.addEventListener('click', open);
    row.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(); });
    return row;
  }

  function startPolling() {
    stopPolling();
    pollTimer = setInterval(() => {
      if (!document.hidden && !views.list.hidden) refreshList();
    }, POLL_MILLIS);
  }

  function stopPolling() {
    if (pollTimer) clearInterval(pollTimer);
    pollTimer = null;
  }

  // ---- one trace: waterfall and detail -------------------------------------------------

  async function openTrace(traceId, spanId) {
    show('trace');
    crumbs({ text: 'Recent traces', href: '#/' }, { text: 'Trace ' + traceId });
    if (current && current.data.traceId === traceId) {
      positionTicks();
      selectSpanId(spanId || (current.rows[0] && current.rows[0].spanId));
      return;
    }
    let data;
    try {
      data = await getJson(base + '/' + encodeURIComponent(traceId));
    }
    catch (error) {
      showError('Could not load the trace: ' + error.message);
      return;
    }
    if (!data) {
      showError('No trace ' + traceId + ' in the store (it may have been evicted).');
      return;
    }
    current = buildTrace(data);
    renderTraceHead(current);
    layout();
    selectSpanId(spanId || (current.rows[0] && current.rows[0].spanId));
    $('waterfall').focus({ preventScroll: true });
  }

  function buildTrace(data) {
    const byId = new Map();
    const children = new Map();
    let t0 = Infinity;
    let t1 = -Infinity;
    for (const span of data.spans) {
      byId.set(span.spanId, span);
      const start = Date.parse(span.startTime);
      const end = span.endTime ? Date.parse(span.endTime) : start + Math.max(span.durationMs || 0, 0);
      span.startMs = start;
      span.endMs = end;
      t0 = Math.min(t0, start);
      t1 = Math.max(t1, end);
    }
    const roots = [];
    for (const span of data.spans) {
      const parent = span.parentId && byId.has(span.parentId) ? span.parentId : null;
      if (parent === null) roots.push(span);
      else {
        if (!children.has(parent)) children.set(parent, []);
        children.get(parent).push(span);
      }
    }
    const byStart = (a, b) => a.startMs - b.startMs;
    roots.sort(byStart);
    for (const list of children.values()) list.sort(byStart);
    return { data, byId, children, roots, collapsed: new Set(), rows: [], selected: -1, t0,
      total: Math.max(t1 - t0, 0.001) };
  }

  function renderTraceHead(trace) {
    const data = trace.data;
    $('trace-title').textContent = data.name || '(unnamed trace)';
    const errors = data.spans.filter((span) => span.status === 'ERROR').length;
    const badges = [];
    if (data.incomplete) badges.push(el('span', { class: 'badge', text: 'incomplete: exported before its root ended' }));
    if (data.fragment) badges.push(el('span', { class: 'badge', text: 'fragment: spans that ended after the trace' }));
    if (data.droppedSpans) badges.push(el('span', { class: 'badge', text: data.droppedSpans + ' spans dropped' }));
    $('trace-badges').replaceChildren(...badges);
    const who = [];
    if (data.userId) who.push(el('span', { text: 'user ' + data.userId }));
    if (data.sessionName) who.push(el('span', { text: 'session ' + data.sessionName }));
    for (const tag of data.tags || []) who.push(el('span', { class: 'tag', text: tag }));
    $('trace-who').replaceChildren(...who);
    renderScores(data);
    const totals = [['Duration', formatDuration(data.durationMs)], ['Spans', data.spans.length],
      ['Tokens', data.totalTokens || 0], ['Cost', formatCost(data.totalCost) || '–'], ['Errors', errors]];
    $('trace-totals').replaceChildren(...totals.map(([name, value]) =>
      el('div', { class: name === 'Errors' && errors ? 'status-ERROR' : null }, el('dt', { text: name }),
        el('dd', { text: value }))));
    const session = $('trace-session');
    session.hidden = !data.sessionId;
    if (data.sessionId) {
      session.href = '#/session/' + encodeURIComponent(data.sessionId);
      session.textContent = 'Session ' + (data.sessionName || data.sessionId);
    }
    const download = $('trace-download');
    if (download.href && download.href.startsWith('blob:')) URL.revokeObjectURL(download.href);
    download.href = URL.createObjectURL(new Blob([JSON.stringify(data, stripLayout, 2)], { type: 'application/json' }));
    download.download = 'trace-' + data.traceId + '.json';
    renderAxis(trace);
  }

  const scoresWritable = document.body.dataset.scoresWritable === 'true';

  function scoreText(score) {
    if (score.type === 'CATEGORICAL') return score.label;
    if (score.type === 'BOOLEAN') return score.value ? '👍 yes' : '👎 no';
    return String(Math.round(score.value * 1000) / 1000);
  }

  function scoreChip(score) {
    return el('span', { class: 'score score-' + (score.type === 'BOOLEAN' ? (score.value ? 'good' : 'bad') : 'plain'),
      title: [score.source, score.comment].filter(Boolean).join(': '), 'data-score': score.name },
      score.name + ' ' + scoreText(score));
  }

  /** The trace's own scores, and, where the endpoint takes them, a way to add one. */
  function renderScores(data) {
    const own = (data.scores || []).filter((score) => !score.spanId);
    const parts = own.map(scoreChip);
    if (scoresWritable) {
      const add = (name, value) => postScore(data.traceId, { name, value, source: 'USER_FEEDBACK' });
      const up = el('button', { type: 'button', class: 'feedback', id: 'feedback-up', title: 'Helpful', text: '👍' });
      const down = el('button', { type: 'button', class: 'feedback', id: 'feedback-down', title: 'Not helpful', text: '👎' });
      up.addEventListener('click', () => add('helpful', true));
      down.addEventListener('click', () => add('helpful', false));
      const name = el('input', { type: 'text', id: 'score-name', placeholder: 'score name', size: 10 });
      const value = el('input', { type: 'number', id: 'score-value', step: 'any', placeholder: 'value', size: 6 });
      const save = el('button', { type: 'button', id: 'score-save', text: 'Add score' });
      save.addEventListener('click', () => {
        if (name.value.trim() && value.value !== '') add(name.value.trim(), Number(value.value));
      });
      parts.push(el('span', { class: 'score-form' }, up, down, name, value, save));
    }
    $('trace-scores').replaceChildren(...parts);
  }

  async function postScore(traceId, score) {
    try {
      const response = await fetch(base + '/' + encodeURIComponent(traceId) + '/scores', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(score) });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        showError('The score was not added: ' + (body.error || response.status));
        return;
      }
      // The score reaches the store through the export pipeline: reload once it is there.
      for (let attempt = 0; attempt < 20; attempt++) {
        const trace = await getJson(base + '/' + encodeURIComponent(traceId));
        if (trace && (trace.scores || []).length > ((current && current.data.scores) || []).length) {
          const selected = current && current.selected >= 0 ? current.rows[current.selected].spanId : null;
          current = null;
          await openTrace(traceId, selected);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    catch (error) {
      showError('The score was not added: ' + error.message);
    }
  }

  function stripLayout(key, value) {
    return key === 'startMs' || key === 'endMs' ? undefined : value;
  }

  function renderAxis(trace) {
    const ticks = [];
    for (let i = 0; i <= 4; i++) {
      ticks.push(el('span', { style: null, text: formatDuration((trace.total * i) / 4) }));
    }
    const axis = $('axis');
    axis.replaceChildren(...ticks);
    positionTicks();
  }

  function positionTicks() {
    const axis = $('axis');
    const width = axis.clientWidth;
    const labelWidth = Math.max(180, width * 0.45);
    const track = width - labelWidth - 70;
    [...axis.children].forEach((tick, i) => { tick.style.left = (labelWidth + (track * i) / 4) + 'px'; });
  }

  /** The visible rows: a depth-first walk that skips the children of collapsed spans. */
  function layout() {
    const rows = [];
    const walk = (span, depth) => {
      rows.push({ span, depth, spanId: span.spanId });
      if (current.collapsed.has(span.spanId)) return;
      for (const child of current.children.get(span.spanId) || []) walk(child, depth + 1);
    };
    for (const root of current.roots) walk(root, 0);
    current.rows = rows;
    $('spacer').style.height = rows.length * ROW_HEIGHT + 'px';
    renderVisibleRows();
  }

  /** Only the rows in view (and a few around them) exist in the page. */
  function renderVisibleRows() {
    if (!current) return;
    const box = $('waterfall');
    const first = Math.max(0, Math.floor((box.scrollTop - 22) / ROW_HEIGHT) - 10);
    const last = Math.min(current.rows.length, Math.ceil((box.scrollTop + box.clientHeight) / ROW_HEIGHT) + 10);
    const nodes = [$('spacer')];
    for (let i = first; i < last; i++) nodes.push(rowNode(current.rows[i], i));
    $('rows').replaceChildren(...nodes);
  }

  function rowNode(row, index) {
    const span = row.span;
    const hasChildren = current.children.has(span.spanId);
    const left = ((span.startMs - current.t0) / current.total) * 100;
    const width = Math.max(((span.endMs - span.startMs) / current.total) * 100, 0.15);
    const toggle = el('span', { class: 'toggle', text: hasChildren ? (current.collapsed.has(span.spanId) ? '▸' : '▾') : '' });
    toggle.addEventListener('click', (event) => {
      event.stopPropagation();
      toggleRow(index);
    });
    const node = el('div', {
      class: 'row' + (span.status === 'ERROR' ? ' error' : '') + (index === current.selected ? ' selected' : ''),
      role: 'treeitem', 'aria-level': row.depth + 1, 'aria-selected': index === current.selected,
      'aria-expanded': hasChildren ? !current.collapsed.has(span.spanId) : null,
      'data-span-id': span.spanId, 'data-kind': span.kind, 'data-status': span.status, 'data-depth': row.depth,
      title: span.name },
      el('div', { class: 'label' },
        el('span', { style: null, class: 'indent' }), toggle, kindBadge(span.kind), el('span', { class: 'name', text: span.name }),
        (span.level && span.level !== 'INFO') ? el('span', { class: 'level level-' + span.level, text: span.level }) : null),
      el('div', { class: 'track' },
        el('div', { class: 'span-bar kind-' + span.kind }),
        el('span', { class: 'duration', text: formatDuration(span.endTime ? span.durationMs : null) })));
    node.style.top = index * ROW_HEIGHT + 'px';
    node.querySelector('.indent').style.width = row.depth * 14 + 'px';
    const bar = node.querySelector('.span-bar');
    bar.style.left = left + '%';
    bar.style.width = width + '%';
    const duration = node.querySelector('.duration');
    duration.style.left = 'calc(' + Math.min(left + width, 100) + '% + 4px)';
    node.addEventListener('click', () => select(index));
    return node;
  }

  function toggleRow(index) {
    const row = current.rows[index];
    if (!current.children.has(row.spanId)) return;
    if (current.collapsed.has(row.spanId)) current.collapsed.delete(row.spanId);
    else current.collapsed.add(row.spanId);
    const selectedId = current.rows[current.selected] && current.rows[current.selected].spanId;
    layout();
    current.selected = current.rows.findIndex((r) => r.spanId === selectedId);
    renderVisibleRows();
  }

  function selectSpanId(spanId) {
    if (!current || !spanId) return;
    let index = current.rows.findIndex((row) => row.spanId === spanId);
    if (index < 0 && current.byId.has(spanId)) {
      // Expand the ancestors of a span deep-linked inside a collapsed subtree.
      for (let span = current.byId.get(spanId); span && span.parentId; span = current.byId.get(span.parentId)) {
        current.collapsed.delete(span.parentId);
      }
      layout();
      index = current.rows.findIndex((row) => row.spanId === spanId);
    }
    select(index < 0 ? 0 : index);
  }

  function select(index) {
    if (!current || index < 0 || index >= current.rows.length) return;
    current.selected = index;
    const span = current.rows[index].span;
    history.replaceState(null, '', '#/trace/' + encodeURIComponent(current.data.traceId) + '/span/'
      + encodeURIComponent(span.spanId));
    const box = $('waterfall');
    const top = index * ROW_HEIGHT;
    if (top < box.scrollTop) box.scrollTop = top;
    else if (top + ROW_HEIGHT + 22 > box.scrollTop + box.clientHeight) box.scrollTop = top + ROW_HEIGHT + 22 - box.clientHeight;
    renderVisibleRows();
    renderDetail(span);
  }

  function onWaterfallKey(event) {
    if (!current) return;
    const row = current.rows[current.selected];
    const page = Math.max(1, Math.floor($('waterfall').clientHeight / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown': select(current.selected + 1); break;
      case 'ArrowUp': select(current.selected - 1); break;
      case 'PageDown': select(Math.min(current.selected + page, current.rows.length - 1)); break;
      case 'PageUp': select(Math.max(current.selected - page, 0)); break;
      case 'Home': select(0); break;
      case 'End': select(current.rows.length - 1); break;
      case 'ArrowRight':
        if (row && current.collapsed.has(row.spanId)) toggleRow(current.selected);
        else select(current.selected + 1);
        break;
      case 'ArrowLeft':
        if (row && current.children.has(row.spanId) && !current.collapsed.has(row.spanId)) toggleRow(current.selected);
        else if (row && row.span.parentId) selectSpanId(row.span.parentId);
        break;
      case 'Enter': case ' ': if (row) toggleRow(current.selected); break;
      default: return;
    }
    event.preventDefault();
  }

  // ---- the selected span ---------------------------------------------------------------

  function renderDetail(span) {
    const parts = [];
    parts.push(el('h2', { text: span.name }));
    parts.push(el('p', null, kindBadge(span.kind), ' ',
      el('span', { class: 'status-' + span.status, text: span.status }), ' · ',
      el('span', { class: 'level level-' + (span.level || 'INFO'), text: span.level || 'INFO' }), ' · ',
      formatDuration(span.endTime ? span.durationMs : null), ' · starts at +',
      formatDuration(span.startMs - current.t0)));
    const spanScores = ((current && current.data.scores) || []).filter((score) => score.spanId === span.spanId);
    if (spanScores.length) {
      parts.push(el('h3', { text: 'Scores' }));
      parts.push(table(spanScores.map((score) => [score.name, scoreText(score) + (score.comment ? ' – ' + score.comment : '')
        + ' (' + score.source + ')'])));
    }
    if (span.links && span.links.length) {
      parts.push(el('h3', { text: 'Links' }));
      parts.push(el('ul', { class: 'links' }, ...span.links.map((link) => el('li', null,
        el('a', { href: '#/trace/' + encodeURIComponent(link.traceId) + '/span/' + encodeURIComponent(link.spanId),
          text: link.traceId === current.data.traceId ? 'span ' + link.spanId + ' of this trace' : 'trace ' + link.traceId + ' span ' + link.spanId }),
        Object.keys(link.attributes || {}).length ? ' ' + JSON.stringify(link.attributes) : ''))));
    }
    if (span.error) {
      parts.push(el('h3', { text: 'Error' }));
      parts.push(el('div', { class: 'error-box' },
        el('strong', { text: span.error.type }), el('div', { text: span.error.message || '' }),
        span.error.stackTrace ? el('details', null, el('summary', { text: 'Stack trace' }),
          el('pre', { text: span.error.stackTrace })) : null));
    }
    const attributes = span.attributes || {};
    if (span.kind === 'LLM') {
      const model = attributes['gen_ai.response.model'] || attributes['gen_ai.request.model'];
      const facts = [['Model', model], ['Provider', attributes['gen_ai.provider.name']],
        ['Input tokens', attributes['gen_ai.usage.input_tokens']],
        ['Output tokens', attributes['gen_ai.usage.output_tokens']],
        ['Time to first token', attributes['gen_ai.response.time_to_first_chunk'] !== undefined
          ? formatDuration(attributes['gen_ai.response.time_to_first_chunk'] * 1000) : undefined],
        ['Prompt', attributes['prompt.name'] !== undefined
          ? attributes['prompt.name'] + (attributes['prompt.version'] !== undefined ? ' v' + attributes['prompt.version'] : '') : undefined],
        ['Cost', formatCost(attributes['gen_ai.usage.cost'])]].filter(([, value]) => value !== undefined && value !== '');
      parts.push(table(facts));
      const conversation = [...messagesOf(span.input), ...messagesOf(span.output)];
      if (conversation.length) {
        parts.push(el('h3', { text: 'Messages' }));
        parts.push(el('div', { class: 'messages' }, ...conversation.map(messageNode)));
      }
    }
    if (Object.keys(attributes).length) {
      parts.push(el('h3', { text: 'Attributes' }));
      parts.push(table(Object.entries(attributes).map(([key, value]) => [key, scalar(value)])));
    }
    if (span.events && span.events.length) {
      parts.push(el('h3', { text: 'Events' }));
      parts.push(table(span.events.map((event) => ['+' + formatDuration(Date.parse(event.timestamp) - current.t0) + ' ' + event.name,
        Object.keys(event.attributes || {}).length ? JSON.stringify(event.attributes) : ''])));
    }
    if (span.signals && span.signals.length) {
      parts.push(el('h3', { text: 'Signals' }));
      parts.push(table(span.signals.map((signal) => [signal.name, scalar(signal.value)])));
    }
    if (span.tags && Object.keys(span.tags).length) {
      parts.push(el('h3', { text: 'Tags' }));
      parts.push(table(Object.entries(span.tags)));
    }
    for (const [title, value] of [['Input', span.input], ['Output', span.output]]) {
      if (value === null || value === undefined) continue;
      parts.push(el('h3', { text: title }));
      parts.push(el('div', { class: 'json' }, jsonNode(value, null, 0)));
    }
    $('detail').replaceChildren(...parts);
  }

  function table(entries) {
    return el('table', null, el('tbody', null,
      ...entries.map(([key, value]) => el('tr', null, el('td', { text: key }), el('td', { text: value })))));
  }

  function scalar(value) {
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  /** The chat messages a captured value holds, in the shape the integrations record. */
  function messagesOf(value) {
    if (!value || typeof value !== 'object') return [];
    if (Array.isArray(value.messages)) return value.messages.filter((m) => m && typeof m === 'object' && m.role);
    return [];
  }

  function messageNode(message) {
    const node = el('div', { class: 'message role-' + String(message.role).replace(/[^a-z]/g, '') },
      el('div', { class: 'role' }, String(message.role),
        message.name ? el('span', { class: 'tool-name', text: ' · ' + message.name }) : null));
    if (message.content !== undefined && message.content !== '') {
      node.append(el('pre', { text: typeof message.content === 'string' ? message.content : JSON.stringify(message.content, null, 2) }));
    }
    for (const call of Array.isArray(message.toolCalls) ? message.toolCalls : []) {
      node.append(el('div', { class: 'call' }, 'calls ', el('strong', { text: call.name }), ' ',
        el('code', { text: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) })));
    }
    if (message.finishReason) node.append(el('div', { class: 'call', text: 'finish: ' + message.finishReason }));
    return node;
  }

  /** Captured JSON as a tree of collapsible nodes. */
  function jsonNode(value, key, depth) {
    const label = key === null ? [] : [el('span', { class: 'key', text: key }), ': '];
    if (value === null) return el('div', null, ...label, el('span', { class: 'null', text: 'null' }));
    if (typeof value !== 'object') {
      const type = typeof value === 'string' ? 'str' : typeof value === 'number' ? 'num' : 'bool';
      return el('div', null, ...label, el('span', { class: type, text: typeof value === 'string' ? JSON.stringify(value) : String(value) }));
    }
    const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item]) : Object.entries(value);
    const details = el('details', { open: depth < 2 },
      el('summary', null, ...label, Array.isArray(value) ? '[' + entries.length + ']' : '{' + entries.length + '}'));
    for (const [childKey, child] of entries.slice(0, 500)) details.append(jsonNode(child, childKey, depth + 1));
    if (entries.length > 500) details.append(el('div', { class: 'null', text: '… ' + (entries.length - 500) + ' more' }));
    return details;
  }

  // ---- a session -----------------------------------------------------------------------

  // Maps with at most `limit` calls in flight, so a long session loads gently.
  async function mapLimited(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
  }

  async function openSession(sessionId) {
    show('session');
    crumbs({ text: 'Recent traces', href: '#/' }, { text: 'Session ' + sessionId });
    $('session-title').textContent = 'Session ' + sessionId;
    $('session-turns').replaceChildren();
    let list;
    try {
      list = await getJson(base + '?' + new URLSearchParams({ session: sessionId, limit: '500' }));
    }
    catch (error) {
      showError('Could not load the session: ' + error.message);
      return;
    }
    const summaries = (list ? list.traces : []).slice().reverse();
    const named = summaries.find((summary) => summary.sessionName);
    if (named) $('session-title').textContent = 'Session ' + named.sessionName + ' (' + sessionId + ')';
    const traces = await mapLimited(summaries, 6, (summary) =>
      getJson(base + '/' + encodeURIComponent(summary.traceId)).catch(() => null));
    let tokens = 0;
    let cost = null;
    let duration = 0;
    let errors = 0;
    const turns = summaries.map((summary, i) => {
      const trace = traces[i];
      tokens += summary.totalTokens || 0;
      if (summary.totalCost !== null && summary.totalCost !== undefined) cost = (cost || 0) + summary.totalCost;
      duration += summary.durationMs || 0;
      const failed = trace ? trace.spans.filter((span) => span.status === 'ERROR').length : 0;
      errors += failed;
      const root = trace ? trace.spans.find((span) => !span.parentId || !trace.spans.some((s) => s.spanId === span.parentId)) : null;
      return el('li', { class: 'turn', 'data-trace-id': summary.traceId },
        el('div', { class: 'meta' }, el('span', { text: formatTime(summary.startTime) }),
          el('a', { href: '#/trace/' + encodeURIComponent(summary.traceId), text: summary.name || 'trace' }),
          el('span', { text: formatDuration(summary.durationMs) }),
          el('span', { text: (summary.totalTokens || 0) + ' tokens' }),
          summary.totalCost != null ? el('span', { text: formatCost(summary.totalCost) }) : null,
          failed ? el('span', { class: 'status-ERROR', text: failed + ' error' + (failed > 1 ? 's' : '') }) : null,
          ...(trace ? (trace.scores || []).filter((score) => !score.spanId).map(scoreChip) : [])),
        el('div', { class: 'messages' },
          root ? messageNode({ role: 'user', content: conversationText(root.input, 'user') }) : null,
          root ? messageNode({ role: 'assistant', content: conversationText(root.output, 'assistant') }) : null));
    });
    $('session-turns').replaceChildren(...turns);
    const totals = [['Turns', summaries.length], ['Duration', formatDuration(duration)], ['Tokens', tokens],
      ['Cost', formatCost(cost) || '–'], ['Errors', errors]];
    $('session-totals').replaceChildren(...totals.map(([name, value]) =>
      el('div', null, el('dt', { text: name }), el('dd', { text: value }))));
  }

  /** What a user said, or what the agent answered, out of a root span's captured value. */
  function conversationText(value, role) {
    if (value === null || value === undefined) return '';
    if (typeof value !== 'object') return String(value);
    const messages = messagesOf(value).filter((m) => m.role === role);
    if (messages.length) return String(role === 'user' ? messages[messages.length - 1].content : messages[0].content);
    for (const key of role === 'user' ? ['message', 'question', 'prompt', 'input', 'text'] : ['answer', 'content', 'output', 'text']) {
      if (typeof value[key] === 'string') return value[key];
    }
    return JSON.stringify(value);
  }

  // ---- wiring --------------------------------------------------------------------------

  $('filters').addEventListener('submit', (event) => { event.preventDefault(); onFilterChange(); });
  $('list-older').addEventListener('click', loadOlder);
  for (const id of Object.values(filterIds)) {
    const input = $(id);
    input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', onFilterChange);
  }
  $('waterfall').addEventListener('scroll', () => requestAnimationFrame(renderVisibleRows), { passive: true });
  $('waterfall').addEventListener('keydown', onWaterfallKey);
  window.addEventListener('resize', () => { positionTicks(); renderVisibleRows(); });
  window.addEventListener('hashchange', route);
  document.addEventListener('visibilitychange', () => { if (!document.hidden && !views.list.hidden) refreshList(); });
  route();
})();
