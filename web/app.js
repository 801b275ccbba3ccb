// The search page: state lives in the query string (shareable URLs), the server does all searching.
import { api, safeMarks, escapeHtml, sourceLine, docLink, TYPE_LABELS, versionLine, diffHtml, wareki, errorHtml, decisionKind } from './common.js';

const $ = (id) => document.getElementById(id);
const form = $('search'), input = $('q'), list = $('suggestions');
const PAGE_SIZE = 10;
const FACETS = [
  ['type', '種別', 'type'],
  ['court', '裁判所', 'court'],
  ['law', '法令', 'law'],
  ['year', '年', null],  // years narrow through from/to
  ['right_type', '権利種別', 'right_type'],
  ['requirement', '要件（判断）', 'requirement'],
  ['cited', '引用条文', 'cites'],
];
const LIST_PARAMS = ['type', 'court', 'law', 'right_type', 'requirement', 'cites'];

const readState = () => {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get('q') || '',
    type: p.getAll('type'),
    court: p.getAll('court'),
    law: p.getAll('law'),
    right_type: p.getAll('right_type'),
    requirement: p.getAll('requirement'),
    cites: p.getAll('cites'),
    from: p.get('from') || '',
    to: p.get('to') || '',
    as_of: p.get('as_of') || '',
    all_versions: p.get('all_versions') === '1',
    sort: p.get('sort') || 'relevance',
    // A ruling is one card by default (group=document); group=passage keeps one card a passage.
    group: p.get('group') === 'passage' ? 'passage' : 'document',
    page: Math.max(1, Number(p.get('page')) || 1),
  };
};

const writeState = (s, replace = false) => {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const k of LIST_PARAMS) for (const v of s[k]) p.append(k, v);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.as_of) p.set('as_of', s.as_of);
  if (s.all_versions) p.set('all_versions', '1');
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.group === 'passage') p.set('group', 'passage');
  if (s.page > 1) p.set('page', s.page);
  const url = `${location.pathname}?${p}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
};

let state = readState();
let inFlight;

async function run() {
  input.value = state.q;
  $('from').value = state.from;
  $('to').value = state.to;
  $('as_of').value = state.as_of;
  $('all_versions').checked = state.all_versions;
  $('sort').value = state.sort;
  $('group').value = state.group;
  document.title = state.q ? `${state.q} — tsubo` : 'tsubo — 法令・判例・ガイドライン検索';
  if (!state.q) {
    $('status').textContent = '';
    $('hits').replaceChildren();
    $('facets').replaceChildren();
    $('pager').replaceChildren();
    updateFiltersToggle();
    return;
  }
  const ticket = (inFlight = {});
  $('status').textContent = '検索中…';
  document.body.classList.add('busy');
  try {
    const r = await api('/api/search', {
      q: state.q, type: state.type, court: state.court, law: state.law, right_type: state.right_type,
      requirement: state.requirement, cites: state.cites,
      from: state.from, to: state.to, as_of: state.as_of, all_versions: state.all_versions ? 1 : '', sort: state.sort, page: state.page, size: PAGE_SIZE, facets: 1,
      explain: 1, group: state.group,
    });
    if (ticket !== inFlight) return;
    render(r);
  } catch (e) {
    if (ticket !== inFlight) return;
    // Nothing of the previous answer stays beside the error: its facets and 絞り込みを解除 counted other hits.
    $('status').innerHTML = errorHtml(e);
    $('hits').replaceChildren();
    $('facets').replaceChildren();
    $('pager').replaceChildren();
    updateFiltersToggle();
  } finally {
    document.body.classList.remove('busy');
  }
}

// A filter's ends as the user thinks of them: whole years as 2017年, other days as 2017-03-21.
const periodStart = (d) => (d && d.endsWith('-01-01') ? `${d.slice(0, 4)}年` : d || '');
const periodEnd = (d) => (d && d.endsWith('-12-31') ? `${d.slice(0, 4)}年` : d || '');

// The passage's part of its document (explain.role, indexer/passage_role.h) as a reader names it.
const ROLES = { reasoning: '裁判所の判断', claims: '当事者の主張', background: '事案の概要・前提事実', definition: '定義規定',
  provision: '条文', guidance: 'ガイドライン' };

// Why this passage, folded under its card: the words found, its part, the score's parts (explain=1)
// and the court's findings on the requirements (meta.requirements).
function whyPanel(h) {
  const x = h.explain, tags = h.meta?.requirements || [];
  if (!x && !tags.length) return '';
  const rows = [];
  if (tags.length) rows.push(['要件（判断）', tags.map(requirementLabel).join('、')]);
  if (x?.matched_words?.length) rows.push(['一致した語', x.matched_words.join('、')]);
  if (x?.role) rows.push(['箇所', ROLES[x.role] || x.role]);
  if (x) rows.push(['スコア', `${h.score.toFixed(2)} = 本文 ${x.text_score.toFixed(2)} + 箇所 ${x.role_prior.toFixed(2)}${x.promoted ? '（種別ごとの最上位として繰り上げ）' : ''}`]);
  return `<details class="why"><summary>${tags.length ? '要件・' : ''}一致の理由</summary>
    <dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl></details>`;
}

// A grouped card's other passages (more_in_document), folded: この判決の他の箇所 (N), loaded when opened.
function moreInDocument(h) {
  if (!h.more_in_document) return '';
  return `<details class="more" data-doc="${escapeHtml(h.doc_id)}" data-shown="${escapeHtml(h.passage_id)}">
    <summary>この${decisionKind(h.meta) || '判決'}の他の箇所（${h.more_in_document}）</summary>
    <div class="more-body">読み込み中…</div></details>`;
}

function render(r) {
  const range = r.from_date || r.to_date ? `（${periodStart(r.from_date)}〜${periodEnd(r.to_date)}）` : '';
  // Grouped, a hit is a ruling (or an article, a guidance section), no longer a passage; the facets
  // still count passages.
  const unit = r.grouped ? '結果' : '箇所';
  $('status').textContent = r.total
    ? `「${r.query}」に一致する${unit} 約${r.total.toLocaleString('ja-JP')}件${r.grouped ? '（判例は1件ずつにまとめて表示）' : ''}${range}（${r.took_ms.toFixed(1)} ms）`
    : `「${r.query}」に一致する${unit}は見つかりませんでした${range}。語を減らすか、別の言い方を試してください。`;

  $('hits').innerHTML = r.hits.map((h) => `
    <li class="hit hit-${escapeHtml(h.type)}">
      <div class="hit-head">
        <span class="badge badge-${escapeHtml(h.type)}">${escapeHtml(TYPE_LABELS[h.type] || h.type)}</span>
        <h3><a class="hit-title" href="${escapeHtml(docLink(h, r.query, location.search.slice(1)))}">${escapeHtml(h.title)}</a></h3>
      </div>
      <div class="hit-source">${escapeHtml(sourceLine(h))}</div>
      ${h.heading ? `<div class="hit-heading">${escapeHtml(h.heading)}</div>` : ''}
      ${versionLine(h.version) ? `<div class="hit-version">${escapeHtml(versionLine(h.version))}</div>` : ''}
      <p class="snippet">${safeMarks(h.snippet)}</p>
      ${whyPanel(h)}
      ${moreInDocument(h)}
      ${h.version?.has_history && h.version.versions > 1 && h.meta.article
        ? `<details class="history" data-article="${escapeHtml(`${h.meta.law}${h.meta.article.replace('の', '条の')}${h.meta.article.includes('の') ? '' : '条'}`)}">
             <summary>改正履歴（${h.version.versions}版）</summary><div class="history-body">読み込み中…</div></details>` : ''}
    </li>`).join('');
  $('hits').start = (r.page - 1) * r.size + 1;

  renderFacets(r.facets || {});
  renderPager(r);
}

// 不正競争防止法/2 → 不正競争防止法2条 (an article-level citation key).
const citedLabel = (key) => {
  const [law, article] = key.split('/');
  return `${law}${article.replace('の', '条の')}${article.includes('の') ? '' : '条'}`;
};

// 秘密管理性:denied → 秘密管理性（否定）: the court's finding on a requirement.
const FINDINGS = { affirmed: '肯定', denied: '否定', discussed: '言及' };
const requirementLabel = (tag) => {
  const [name, finding] = tag.split(':');
  return `${name}（${FINDINGS[finding] || finding}）`;
};

// Divisions under their court: 東京高等裁判所第１０刑事部 and 第３民事部 under 東京高等裁判所, counted
// together (a court filter matches its divisions: court=東京高等裁判所 finds both).
const courtOf = (name) => { const at = name.indexOf('裁判所'); return at < 0 ? name : name.slice(0, at + 3); };
function groupCourts(values) {
  const groups = new Map();
  for (const v of values) {
    const base = courtOf(v.value);
    const g = groups.get(base) || { value: base, count: 0, divisions: [] };
    g.count += v.count;
    if (v.value !== base) g.divisions.push(v);
    groups.set(base, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

// Phones: the results come first and the filters open from a button (絞り込み, with the number of
// filters set); wider screens show both and never the button.
const filtersToggle = $('filters-toggle');
filtersToggle.addEventListener('click', () => {
  const open = filtersToggle.getAttribute('aria-expanded') !== 'true';
  filtersToggle.setAttribute('aria-expanded', String(open));
  $('facets').classList.toggle('open', open);
});
function updateFiltersToggle() {
  const set = LIST_PARAMS.reduce((n, k) => n + state[k].length, 0) + (state.from || state.to ? 1 : 0);
  filtersToggle.textContent = set ? `絞り込み（${set}件指定中）` : '絞り込み';
  filtersToggle.hidden = !$('facets').childElementCount;
}

function renderFacets(facets) {
  const box = $('facets');
  box.replaceChildren();
  const active = (param, value) => param && state[param].includes(value);
  const button = (name, param, v, text) => {
    const on = active(param, v.value) || (name === 'year' && state.from === v.value && state.to === v.value);
    return `<button type="button" class="facet-value" aria-pressed="${on}"
        data-facet="${escapeHtml(name)}" data-value="${escapeHtml(v.value)}">
        <span>${text}</span><span class="count">${v.count}</span></button>`;
  };
  for (const [name, label, param] of FACETS) {
    let values = facets[name] || [];
    if (!values.length) continue;
    if (name === 'court') values = groupCourts(values);
    const group = document.createElement('section');
    group.className = 'facet';
    group.innerHTML = `<h2>${label}</h2><ul>${values.slice(0, 12).map((v) => {
      const text = name === 'type' ? TYPE_LABELS[v.value] || v.value
        : name === 'year' ? `${v.value}年`
        : name === 'requirement' ? requirementLabel(v.value)
        : name === 'cited' ? citedLabel(v.value) : v.value;
      const divisions = v.divisions?.length
        ? `<ul class="divisions">${v.divisions.map((d) => `<li>${button(name, param, d,
            `<span class="visually-hidden">${escapeHtml(v.value)}</span>${escapeHtml(d.value.slice(v.value.length))}`)}</li>`).join('')}</ul>`
        : '';
      return `<li>${button(name, param, v, escapeHtml(text))}${divisions}</li>`;
    }).join('')}</ul>`;
    box.append(group);
  }
  if (LIST_PARAMS.some((k) => state[k].length) || state.from || state.to) {
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.className = 'clear';
    clear.textContent = '絞り込みを解除';
    clear.addEventListener('click', () => go({ ...Object.fromEntries(LIST_PARAMS.map((k) => [k, []])), from: '', to: '', page: 1 }));
    box.prepend(clear);
  }
  updateFiltersToggle();
}

function renderPager(r) {
  const pages = Math.min(Math.ceil(r.total / r.size), 100);
  const nav = $('pager');
  nav.replaceChildren();
  if (pages <= 1) return;
  const link = (page, text, label) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (label) b.setAttribute('aria-label', label);
    if (page === r.page) b.setAttribute('aria-current', 'page');
    b.disabled = page < 1 || page > pages;
    b.addEventListener('click', () => { go({ page }); $('results').focus(); });
    return b;
  };
  nav.append(link(r.page - 1, '‹ 前へ'));
  const first = Math.max(1, r.page - 4), last = Math.min(pages, first + 8);
  for (let p = first; p <= last; p++) nav.append(link(p, String(p), `${p}ページ目`));
  nav.append(link(r.page + 1, '次へ ›'));
}

// The article's texts across versions, each change marked (<del>/<ins>), loaded when opened.
$('hits').addEventListener('toggle', async (e) => {
  const box = e.target;
  if (!box.matches?.('details.history') || !box.open || box.dataset.loaded) return;
  box.dataset.loaded = '1';
  const body = box.querySelector('.history-body');
  try {
    const h = await api('/api/history', { article: box.dataset.article });
    body.innerHTML = `<ol class="versions">${h.texts.map((t, i) => `
      <li${t.current ? ' class="current"' : ''}>
        <div class="span">${t.from ? wareki(t.from) : 'e-Gov の履歴より前'} 〜 ${t.to ? wareki(t.to) : '現在'}
          ${t.amending_law ? `（${escapeHtml(t.amending_law)}）` : ''}${t.version_dates.length > 1 ? ` ・ ${t.version_dates.length}版同文` : ''}${t.current ? ' ・ 現行' : ''}</div>
        ${t.absent ? '<div class="diff">（この条はありません）</div>'
          : i === 0 ? '' : `<div class="diff">${diffHtml(t.changes)}</div>`}
      </li>`).join('')}</ol>`;
  } catch (err) {
    body.innerHTML = errorHtml(err);
  }
}, true);

// A card's other passages: the same query within its ruling (doc=), the shown one left out, each
// linked to the document page at that passage.
$('hits').addEventListener('toggle', async (e) => {
  const box = e.target;
  if (!box.matches?.('details.more') || !box.open || box.dataset.loaded) return;
  box.dataset.loaded = '1';
  const body = box.querySelector('.more-body');
  try {
    const r = await api('/api/search', { q: state.q, doc: box.dataset.doc, as_of: state.as_of, size: 50 });
    const rest = r.hits.filter((h) => h.passage_id !== box.dataset.shown);
    body.innerHTML = rest.length ? `<ol class="more-list">${rest.map((h) => `
      <li><a href="${escapeHtml(docLink(h, r.query, location.search.slice(1)))}">${escapeHtml(h.heading || h.title)}</a>
        <p class="snippet">${safeMarks(h.snippet)}</p></li>`).join('')}</ol>`
      : '<p>他に一致する箇所はありません。</p>';
  } catch (err) {
    body.innerHTML = errorHtml(err);
  }
}, true);

function go(change, replace = false) {
  state = { ...state, ...change };
  writeState(state, replace);
  run();
}

$('facets').addEventListener('click', (e) => {
  const b = e.target.closest('.facet-value');
  if (!b) return;
  const { facet, value } = b.dataset;
  if (facet === 'year') {
    const on = state.from === value && state.to === value;
    return go({ from: on ? '' : value, to: on ? '' : value, page: 1 });
  }
  const param = FACETS.find(([n]) => n === facet)?.[2];
  if (!param) return;
  const values = state[param].includes(value) ? state[param].filter((v) => v !== value) : [...state[param], value];
  go({ [param]: values, page: 1 });
});

form.addEventListener('submit', (e) => {
  e.preventDefault();
  hideSuggestions();
  if (!input.value.trim()) {  // only spaces, the full-width one included: say so rather than do nothing
    $('status').innerHTML = '<span class="error" data-code="empty_query">検索語を入力してください（空白だけでは検索できません）。</span>';
    input.focus();
    return;
  }
  go({ q: input.value.trim(), from: $('from').value.trim(), to: $('to').value.trim(), as_of: $('as_of').value.trim(),
       all_versions: $('all_versions').checked, sort: $('sort').value, group: $('group').value, page: 1 });
});
$('sort').addEventListener('change', () => go({ sort: $('sort').value, page: 1 }));
$('group').addEventListener('change', () => go({ group: $('group').value, page: 1 }));
$('all_versions').addEventListener('change', () => go({ all_versions: $('all_versions').checked, page: 1 }));
window.addEventListener('popstate', () => { state = readState(); run(); });

// ---- suggestions: an ARIA combobox; arrows move, Enter picks, Escape closes --------------------
let suggestTimer, active = -1;
const options = () => [...list.querySelectorAll('[role=option]')];
function hideSuggestions() {
  list.hidden = true;
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
  active = -1;
}
function highlight(i) {
  const opts = options();
  opts.forEach((o, k) => o.setAttribute('aria-selected', String(k === i)));
  active = i;
  if (opts[i]) input.setAttribute('aria-activedescendant', opts[i].id);
}
const KIND_LABELS = { title: '件名', law: '法令', court: '裁判所', term: '語' };
input.addEventListener('input', () => {
  clearTimeout(suggestTimer);
  const typed = input.value;
  if (!typed.trim()) return hideSuggestions();
  suggestTimer = setTimeout(async () => {
    try {
      const r = await api('/api/suggest', { q: typed, limit: 8 });
      if (input.value !== typed || !r.suggestions.length) return hideSuggestions();
      list.innerHTML = r.suggestions.map((s, i) =>
        `<li id="sugg-${i}" role="option" aria-selected="false" data-text="${escapeHtml(s.text)}">
           <span>${escapeHtml(s.text)}</span><span class="kind">${KIND_LABELS[s.kind] || ''}</span></li>`).join('');
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
    } catch { hideSuggestions(); }
  }, 150);
});
input.addEventListener('keydown', (e) => {
  if (list.hidden) return;
  const n = options().length;
  if (e.key === 'ArrowDown') { e.preventDefault(); highlight((active + 1) % n); }
  else if (e.key === 'ArrowUp') { e.preventDefault(); highlight((active - 1 + n) % n); }
  else if (e.key === 'Escape') hideSuggestions();
  else if (e.key === 'Enter' && active >= 0) {
    e.preventDefault();
    input.value = options()[active].dataset.text;
    form.requestSubmit();
  }
});
list.addEventListener('mousedown', (e) => {
  const o = e.target.closest('[role=option]');
  if (!o) return;
  e.preventDefault();
  input.value = o.dataset.text;
  form.requestSubmit();
});
input.addEventListener('blur', () => setTimeout(hideSuggestions, 100));

// ---- keyboard: / focuses the box, j/k walk the results ----------------------------------------
document.addEventListener('keydown', (e) => {
  const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement?.tagName);
  if (e.key === '/' && !typing) { e.preventDefault(); input.focus(); input.select(); return; }
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key !== 'j' && e.key !== 'k') return;
  const links = [...document.querySelectorAll('.hit-title')];
  if (!links.length) return;
  const at = links.indexOf(document.activeElement);
  const next = e.key === 'j' ? Math.min(at + 1, links.length - 1) : Math.max(at - 1, 0);
  links[next].focus();
  links[next].scrollIntoView({ block: 'nearest' });
});

writeState(state, true);
run();
if (!state.q) input.focus();
