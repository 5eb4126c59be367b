// fupin serve's page: uploads the chosen files one PUT each (relative paths kept), asks the server to check them, and
// shows what it found. Every text comes from the server's catalogue (texts.json, zh and en) and is inserted with
// textContent: nothing from a file ever becomes HTML. No framework, nothing from another site (the CSP forbids it).
'use strict';

(function () {
  var texts = { zh: {}, en: {} };
  var lang = localStorage.getItem('fupin-lang') === 'en' ? 'en' : 'zh';
  var view = null;
  var diff = null;
  var chosen = { old: [], new: [] };
  var filter = 'all';
  var sortKey = 'cell';
  var tab = 'problems';
  var busy = false;
  var RANK = { error: 0, warning: 1, info: 2 };

  function $(id) {
    return document.getElementById(id);
  }

  /** A page text by name, its {placeholders} filled from data. */
  function t(name, data) {
    var s = texts[lang][name] || texts.zh[name] || name;
    return s.replace(/\{(\w+)\}/g, function (whole, key) {
      return data && data[key] !== undefined ? String(data[key]) : whole;
    });
  }

  /** An element with text (never HTML) and attributes. */
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, attrs[k]);
      });
    }
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function applyTexts() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('page-title');
    document.querySelectorAll('[data-t]').forEach(function (e) {
      e.textContent = t(e.getAttribute('data-t'));
    });
  }

  function api(path, init) {
    var sep = path.indexOf('?') >= 0 ? '&' : '?';
    init = init || {};
    if (init.method && init.method !== 'GET') init.headers = Object.assign({ 'X-Fupin': '1' }, init.headers || {});
    return fetch(path + sep + 'lang=' + lang, init);
  }

  async function errorOf(res) {
    try {
      var body = await res.json();
      return body.error || String(res.status);
    } catch (e) {
      return String(res.status);
    }
  }

  // ── status and errors (the check's, or with prefix 'compare-' the comparison's) ──
  function status(text, done, total, prefix) {
    prefix = prefix || '';
    $(prefix + 'status').hidden = text === null;
    $(prefix + 'status-text').textContent = text || '';
    var bar = $(prefix + 'bar');
    if (total) {
      bar.max = total;
      bar.value = done;
    } else {
      bar.removeAttribute('value');
    }
  }

  function showErrors(list, id) {
    var box = $(id || 'errors');
    box.replaceChildren();
    list.forEach(function (m) {
      box.appendChild(el('p', null, m));
    });
    box.hidden = list.length === 0;
  }

  // ── collecting the files: inputs and drops (folders walked, relative paths kept) ──
  function fromInput(input) {
    return Array.prototype.map.call(input.files, function (f) {
      return { file: f, name: f.webkitRelativePath || f.name };
    });
  }

  function readAll(reader) {
    return new Promise(function (resolve, reject) {
      var all = [];
      (function next() {
        reader.readEntries(function (batch) {
          if (batch.length === 0) return resolve(all);
          all = all.concat(Array.prototype.slice.call(batch));
          next();
        }, reject);
      })();
    });
  }

  async function walkEntry(entry, out) {
    if (entry.isFile) {
      var file = await new Promise(function (resolve, reject) {
        entry.file(resolve, reject);
      });
      out.push({ file: file, name: entry.fullPath.replace(/^\//, '') });
    } else if (entry.isDirectory) {
      var children = await readAll(entry.createReader());
      for (var i = 0; i < children.length; i++) await walkEntry(children[i], out);
    }
  }

  async function fromDrop(dt) {
    var entries = [];
    var out = [];
    for (var i = 0; i < dt.items.length; i++) {
      var entry = dt.items[i].webkitGetAsEntry ? dt.items[i].webkitGetAsEntry() : null;
      if (entry) entries.push(entry);
    }
    if (entries.length === 0) return Array.prototype.map.call(dt.files, function (f) { return { file: f, name: f.name }; });
    for (var j = 0; j < entries.length; j++) await walkEntry(entries[j], out);
    return out;
  }

  // ── upload, check, result ──
  /**
   * One job of the server, `kind` 'check' or 'diff' (与上一版比较): a new batch, every file PUT into it (with its version,
   * for a comparison), the job run with its progress shown, then `load` fetches what it found. Failures are shown in the
   * page's words, in the job's own box.
   */
  async function runJob(kind, files, load) {
    var prefix = kind === 'diff' ? 'compare-' : '';
    var failed = kind === 'diff' ? 'compare-failed' : 'check-failed';
    busy = true;
    renderChosen();
    showErrors([], prefix + 'errors');
    var errors = [];
    try {
      var res = await api(kind === 'diff' ? 'api/batch?for=diff' : 'api/batch', { method: 'POST' });
      if (!res.ok) throw new Error(await errorOf(res));
      var batch = await res.json();
      if (files.length > batch.maxFiles) throw new Error(t('too-many', { max: batch.maxFiles, n: files.length }));
      for (var i = 0; i < files.length; i++) {
        status(t('uploading', { done: i, total: files.length }), i, files.length, prefix);
        var side = files[i].side ? 'side=' + files[i].side + '&' : '';
        var put = await api('api/batch/' + batch.batch + '/files?' + side + 'name=' + encodeURIComponent(files[i].name), { method: 'PUT', body: files[i].file });
        if (!put.ok) errors.push(t('upload-failed', { file: files[i].name, why: await errorOf(put) }));
      }
      status(t('reading', { done: 0, total: files.length, file: '' }), 0, 0, prefix);
      var job = await api('api/batch/' + batch.batch + '/' + kind, { method: 'POST' });
      if (!job.ok) throw new Error(await errorOf(job));
      await readLines(job.body, function (msg) {
        if (msg.progress) status(t('reading', msg.progress), msg.progress.done, msg.progress.total, prefix);
        else if (msg.error) errors.push(t(failed, { why: msg.error }));
      });
      await load();
    } catch (e) {
      errors.push(e instanceof TypeError ? t('server-gone') : t(failed, { why: e.message }));
    } finally {
      busy = false;
      status(null, 0, 0, prefix);
      showErrors(errors, prefix + 'errors');
      renderChosen();
    }
  }

  function checkFiles(files) {
    if (busy) return;
    if (files.length === 0) return showErrors([t('no-files')]);
    return runJob('check', files, loadResult);
  }

  async function readLines(body, onLine) {
    var reader = body.getReader();
    var decoder = new TextDecoder();
    var buffered = '';
    for (;;) {
      var chunk = await reader.read();
      if (chunk.done) break;
      buffered += decoder.decode(chunk.value, { stream: true });
      var lines = buffered.split('\n');
      buffered = lines.pop();
      lines.forEach(function (l) {
        if (l.trim()) onLine(JSON.parse(l));
      });
    }
    if (buffered.trim()) onLine(JSON.parse(buffered));
  }

  async function loadResult() {
    var res = await api('api/result');
    if (res.status !== 200) return;
    view = await res.json();
    render();
  }

  // ── rendering ──
  function render() {
    if (!view) return;
    $('results').hidden = false;
    $('drop').classList.add('compact');
    var c = view.counts;
    var summary = $('summary');
    if (!view.readable) summary.textContent = t('summary-unreadable');
    else if (c.error + c.warning + c.info === 0) summary.textContent = t('summary-ok', { files: view.files });
    else summary.textContent = t('summary-problems', { files: view.files, errors: c.error, warnings: c.warning, infos: c.info });
    summary.className = 'summary ' + (view.failed || !view.readable ? 'bad' : 'good');
    renderLeftOut();
    $('checked-at').textContent = t('checked-at', { time: new Date(view.checkedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') });
    renderFilters();
    renderGroups();
    renderStats();
    renderQuota();
    renderDownloads();
    showTab(tab);
  }

  /** What was left out of the 统计表's count, listed as the CLI lists it: the rows of each file and why, the files and why. */
  function renderLeftOut() {
    var box = $('left-out');
    if (!box) {
      box = el('div', { id: 'left-out', class: 'left-out' });
      $('summary').after(box);
    }
    box.replaceChildren();
    box.hidden = !view.leftOut;
    if (!view.leftOut) return;
    box.appendChild(el('p', null, t('summary-left-out')));
    var ul = el('ul');
    view.leftOut.rows.forEach(function (r) {
      ul.appendChild(el('li', { 'data-file': r.file, 'data-left': 'rows' }, r.text));
    });
    view.leftOut.files.forEach(function (f) {
      ul.appendChild(el('li', { 'data-file': f.file, 'data-left': 'file' }, f.text));
    });
    box.appendChild(ul);
  }

  function renderFilters() {
    document.querySelectorAll('#filters button').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-filter') === filter));
    });
  }

  /** Excel's cell address as a sort key: row, then column (AA after Z). */
  function cellKey(f) {
    var m = /^([A-Z]+)(\d+)$/.exec(f.cell || '');
    if (!m) return [f.row || 0, 0];
    var col = 0;
    for (var i = 0; i < m[1].length; i++) col = col * 26 + (m[1].charCodeAt(i) - 64);
    return [Number(m[2]), col];
  }

  function compare(a, b) {
    if (sortKey === 'severity') return RANK[a.severity] - RANK[b.severity] || compareCells(a, b);
    if (sortKey === 'column' || sortKey === 'value' || sortKey === 'text') return String(a[sortKey] || '').localeCompare(String(b[sortKey] || ''), 'zh') || compareCells(a, b);
    return compareCells(a, b) || RANK[a.severity] - RANK[b.severity];
  }

  function compareCells(a, b) {
    var x = cellKey(a);
    var y = cellKey(b);
    return x[0] - y[0] || x[1] - y[1];
  }

  function groupTitle(g) {
    if (g.kind === 'general') return t('general');
    return g.file;
  }

  function renderGroups() {
    var box = $('groups');
    box.replaceChildren();
    // the files that need work first (errors, then warnings), each kind in the order read
    var worst = function (g) {
      return g.findings.reduce(function (w, f) {
        return Math.min(w, RANK[f.severity]);
      }, 3);
    };
    var groups = view.groups.map(function (g, i) {
      return { g: g, i: i, w: worst(g) };
    });
    groups.sort(function (a, b) {
      return a.w - b.w || a.i - b.i;
    });
    groups.forEach(function (x) {
      var g = x.g;
      var section = el('section', { class: 'file', 'data-file': g.file || '', 'data-kind': g.kind });
      var head = el('header');
      head.appendChild(el('h3', null, groupTitle(g)));
      var meta = [];
      if (g.area) meta.push(t('file-area', { area: g.area }));
      if (g.sheet && g.kind === 'register') meta.push(t('file-sheet', { sheet: g.sheet }));
      if (g.rows !== undefined) meta.push(t('file-rows', { rows: g.rows }));
      if (g.kind === 'stats') meta.push(t('kind-stats'));
      if (g.kind === 'quota-table') meta.push(t('kind-quota-table'));
      if (g.kind === 'not-used') meta.push(t('kind-not-used'));
      head.appendChild(el('span', { class: 'meta' }, meta.join(' · ')));
      ['error', 'warning', 'info'].forEach(function (sev) {
        var n = g.findings.filter(function (f) {
          return f.severity === sev;
        }).length;
        if (n) head.appendChild(el('span', { class: 'badge ' + sev }, t('sev-' + sev) + ' ' + n));
      });
      section.appendChild(head);
      var shown = g.findings.filter(function (f) {
        return filter === 'all' || f.severity === filter;
      });
      if (g.findings.length === 0) section.appendChild(el('p', { class: 'clean' }, t('file-clean')));
      else if (shown.length === 0) section.appendChild(el('p', { class: 'none' }, t('file-none-shown')));
      else section.appendChild(findingsTable(shown.slice().sort(compare), g.kind !== 'general'));
      box.appendChild(section);
    });
    var passed = $('passed');
    passed.replaceChildren();
    if (view.passedOver.length) {
      passed.appendChild(el('h2', null, t('passed-over')));
      var ul = el('ul', { class: 'notes' });
      view.passedOver.forEach(function (p) {
        ul.appendChild(el('li', null, p.file + ' — ' + p.why));
      });
      passed.appendChild(ul);
    }
  }

  function findingsTable(findings, withCells) {
    var table = el('table', { class: withCells ? 'findings with-cells' : 'findings' });
    var head = el('tr');
    var cols = withCells
      ? [['cell', 'col-cell'], ['column', 'col-column'], ['value', 'col-value'], ['severity', 'col-severity'], ['text', 'col-finding']]
      : [['severity', 'col-severity'], ['text', 'col-finding']];
    cols.forEach(function (c) {
      var th = el('th', { class: 'sortable' + (sortKey === c[0] ? ' sorted' : ''), 'data-sort': c[0], scope: 'col' }, t(c[1]));
      head.appendChild(th);
    });
    table.appendChild(el('thead')).appendChild(head);
    var body = el('tbody');
    findings.forEach(function (f) {
      var tr = el('tr', { 'data-severity': f.severity, 'data-cell': f.cell || '' });
      if (withCells) {
        tr.appendChild(el('td', { class: 'cell' }, f.cell || ''));
        tr.appendChild(el('td', null, f.column || ''));
        tr.appendChild(el('td', { class: 'value' }, f.value || ''));
      }
      var sev = el('td');
      sev.appendChild(el('span', { class: 'badge ' + f.severity }, t('sev-' + f.severity)));
      tr.appendChild(sev);
      tr.appendChild(el('td', { class: 'text' }, f.text));
      body.appendChild(tr);
    });
    table.appendChild(body);
    return table;
  }

  function renderStats() {
    var box = $('tab-stats');
    box.replaceChildren();
    var s = view.stats;
    if (s.none !== undefined) return box.appendChild(el('p', { class: 'hint' }, s.none));
    box.appendChild(el('p', { class: 'form-title' }, s.heading));
    var table = el('table', { class: 'form', id: 'stats-form' });
    var thead = el('thead');
    var r1 = el('tr');
    r1.appendChild(el('th', { rowspan: '2' }, s.unit));
    s.groupHeaders.forEach(function (h) {
      r1.appendChild(el('th', { colspan: '2' }, h));
    });
    var r2 = el('tr');
    s.measureHeaders.forEach(function (h) {
      r2.appendChild(el('th', null, h));
    });
    thead.appendChild(r1);
    thead.appendChild(r2);
    table.appendChild(thead);
    var body = el('tbody');
    function row(label, figures, cls) {
      var tr = el('tr', cls ? { class: cls } : null);
      tr.appendChild(el('td', { class: 'unit' }, label));
      figures.forEach(function (n) {
        tr.appendChild(el('td', { class: 'num' }, n));
      });
      body.appendChild(tr);
    }
    s.rows.forEach(function (r) {
      row(r.unit, r.figures);
    });
    row(s.totalLabel, s.total, 'total');
    table.appendChild(body);
    box.appendChild(table);
    if (s.notes.length) {
      box.appendChild(el('p', { class: 'notes' }, t('stats-notes')));
      var ul = el('ul', { class: 'notes' });
      s.notes.forEach(function (n) {
        ul.appendChild(el('li', null, n));
      });
      box.appendChild(ul);
    }
  }

  function renderQuota() {
    var box = $('tab-quota');
    box.replaceChildren();
    var q = view.quota;
    if (q.none !== undefined) return box.appendChild(el('p', { class: 'hint' }, q.none));
    var table = el('table', { class: 'findings', id: 'quota-table' });
    var head = el('tr');
    [t('quota-area'), t('col-severity'), t('quota-verdict')].forEach(function (h) {
      head.appendChild(el('th', null, h));
    });
    table.appendChild(el('thead')).appendChild(head);
    var body = el('tbody');
    q.areas.forEach(function (a) {
      var tr = el('tr');
      tr.appendChild(el('td', null, a.area));
      var b = el('td');
      b.appendChild(el('span', { class: 'badge ' + (a.met ? 'met' : 'error') }, t(a.met ? 'quota-met' : 'quota-short')));
      tr.appendChild(b);
      tr.appendChild(el('td', null, a.verdict));
      body.appendChild(tr);
    });
    table.appendChild(body);
    box.appendChild(table);
    if (q.notes.length) {
      var ul = el('ul', { class: 'notes' });
      q.notes.forEach(function (n) {
        ul.appendChild(el('li', null, n));
      });
      box.appendChild(ul);
    }
  }

  function renderDownloads() {
    var box = $('tab-downloads');
    box.replaceChildren();
    if (view.downloads.length === 0) return box.appendChild(el('p', { class: 'hint' }, t('dl-none')));
    box.appendChild(el('p', { class: 'hint' }, t('dl-note')));
    var order = ['zip', 'stats', 'quota', 'cards', 'publish', 'annotated'];
    order.forEach(function (kind) {
      var items = view.downloads.filter(function (d) {
        return d.kind === kind;
      });
      if (items.length === 0) return;
      box.appendChild(el('h2', null, t('dl-' + kind)));
      var ul = el('ul', { class: 'downloads' });
      items.forEach(function (d) {
        var li = el('li');
        li.appendChild(el('a', { href: 'download/' + encodeURIComponent(d.id), download: d.name, 'data-kind': d.kind }, kind === 'annotated' && d.source ? d.source + ' → ' + d.name : d.name));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    });
  }

  // ── 与上一版比较: two versions uploaded into one batch (side=old|new), compared as fupin diff compares them ──
  function shortList(files) {
    var names = files.slice(0, 3).map(function (f) {
      return f.name;
    });
    if (files.length > 3) names.push('…');
    return names.join(lang === 'zh' ? '、' : ', ');
  }

  function renderChosen() {
    ['old', 'new'].forEach(function (side) {
      var n = chosen[side].length;
      $('chosen-' + side).textContent = n ? t('slot-files', { n: n, names: shortList(chosen[side]) }) : t('slot-empty');
      $('slot-' + side).classList.toggle('filled', n > 0);
    });
    $('compare-run').disabled = busy || chosen.old.length === 0 || chosen.new.length === 0;
  }

  function choose(side, files) {
    chosen[side] = files;
    showErrors([], 'compare-errors');
    renderChosen();
  }

  function compareFiles() {
    if (busy) return;
    if (chosen.old.length === 0 || chosen.new.length === 0) return showErrors([t('compare-need-both')], 'compare-errors');
    var files = chosen.old.map(function (f) {
      return { side: 'old', file: f.file, name: f.name };
    }).concat(chosen.new.map(function (f) {
      return { side: 'new', file: f.file, name: f.name };
    }));
    return runJob('diff', files, loadDiff);
  }

  async function loadDiff() {
    var res = await api('api/diff');
    if (res.status !== 200) return;
    diff = await res.json();
    renderDiff();
  }

  function renderDiff() {
    var box = $('diff-results');
    box.replaceChildren();
    box.hidden = !diff;
    if (!diff) return;
    var list = function (names) {
      return names.join(lang === 'zh' ? '、' : ', ');
    };
    box.appendChild(el('p', { id: 'diff-summary', class: 'summary' }, diff.summary));
    box.appendChild(el('p', { class: 'hint' }, t('diff-versions', { old: list(diff.names.old), new: list(diff.names.new) }) + ' · ' + t('compared-at', { time: new Date(diff.comparedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') })));
    if (diff.unreadable.length) {
      var warn = el('div', { class: 'errors', id: 'diff-unreadable' });
      warn.appendChild(el('p', null, t('diff-incomplete')));
      diff.unreadable.forEach(function (u) {
        warn.appendChild(el('p', null, u));
      });
      box.appendChild(warn);
    }
    if (diff.notes.length) {
      var notes = el('ul', { class: 'notes' });
      diff.notes.forEach(function (n) {
        notes.appendChild(el('li', null, n));
      });
      box.appendChild(notes);
    }
    diff.areas.forEach(function (a) {
      box.appendChild(el('h3', { class: 'diff-area' }, a.area));
      var table = el('table', { class: 'findings diff', 'data-area': a.area });
      var head = el('tr');
      diff.header.forEach(function (h) {
        head.appendChild(el('th', { scope: 'col' }, h));
      });
      table.appendChild(el('thead')).appendChild(head);
      var body = el('tbody');
      a.rows.forEach(function (r) {
        var tr = el('tr', { 'data-kind': r.kind, 'data-name': r.name });
        r.cells.forEach(function (c, i) {
          tr.appendChild(el('td', i === 0 ? { class: 'kind' } : null, c));
        });
        body.appendChild(tr);
      });
      table.appendChild(body);
      box.appendChild(table);
    });
    var p = el('p', { class: 'diff-download' });
    p.appendChild(el('a', { href: 'download/' + encodeURIComponent(diff.download.id), download: diff.download.name, 'data-kind': 'diff' }, t('dl-diff', { name: diff.download.name })));
    box.appendChild(p);
  }

  function showTab(name) {
    tab = name;
    document.querySelectorAll('.tabs button').forEach(function (b) {
      b.setAttribute('aria-selected', String(b.getAttribute('data-tab') === name));
    });
    ['problems', 'stats', 'quota', 'downloads'].forEach(function (n) {
      $('tab-' + n).hidden = n !== name;
    });
  }

  // ── wiring ──
  /** File inputs (选择文件, 选择文件夹) whose choice goes to `take`. */
  function pickers(ids, take) {
    ids.forEach(function (id) {
      $(id).addEventListener('change', function (e) {
        var files = fromInput(e.target);
        e.target.value = '';
        take(files);
      });
    });
  }

  /** A zone files and folders are dropped onto; what is dropped goes to `take`. */
  function dropZone(zone, take) {
    zone.addEventListener('dragover', function (e) {
      e.preventDefault();
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', function () {
      zone.classList.remove('over');
    });
    zone.addEventListener('drop', async function (e) {
      e.preventDefault();
      zone.classList.remove('over');
      take(await fromDrop(e.dataTransfer));
    });
  }

  function wire() {
    $('lang').addEventListener('click', function () {
      lang = lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem('fupin-lang', lang);
      applyTexts();
      renderChosen();
      if (view) loadResult();
      if (diff) loadDiff();
    });
    ['old', 'new'].forEach(function (side) {
      var take = function (files) {
        choose(side, files);
      };
      pickers([side + '-files', side + '-folder'], take);
      dropZone($('slot-' + side), take);
    });
    $('compare-run').addEventListener('click', compareFiles);
    pickers(['pick-files', 'pick-folder'], checkFiles);
    dropZone($('drop'), checkFiles);
    // a file dropped beside the zone must not make the browser leave the page
    window.addEventListener('dragover', function (e) {
      e.preventDefault();
    });
    window.addEventListener('drop', function (e) {
      e.preventDefault();
    });
    document.querySelectorAll('.tabs button').forEach(function (b) {
      b.addEventListener('click', function () {
        showTab(b.getAttribute('data-tab'));
      });
    });
    document.querySelectorAll('#filters button').forEach(function (b) {
      b.addEventListener('click', function () {
        filter = b.getAttribute('data-filter');
        renderFilters();
        renderGroups();
      });
    });
    $('groups').addEventListener('click', function (e) {
      var th = e.target.closest('th[data-sort]');
      if (!th) return;
      sortKey = th.getAttribute('data-sort');
      renderGroups();
    });
  }

  async function start() {
    var res = await fetch('texts.json');
    texts = await res.json();
    applyTexts();
    wire();
    renderChosen();
    await loadResult();
    await loadDiff();
    document.body.setAttribute('data-ready', 'true');
  }

  start().catch(function () {
    showErrors([t('server-gone')]);
  });
})();
