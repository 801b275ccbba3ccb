// Helpers shared by the search page and the document page: API calls, 和暦 dates, safe snippets.

export const api = (path, params = {}) => {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) {
    for (const one of [].concat(v)) if (one !== undefined && one !== null && one !== '') url.searchParams.append(k, one);
  }
  return fetch(url, { headers: { Accept: 'application/json' } }).then(async (res) => {
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(body?.error?.message || `HTTP ${res.status}`);
    return body;
  });
};

// The server escapes snippets and adds only <mark>…</mark>; anything else that looks like a tag is
// neutralised here as well, so snippets can never carry markup of their own.
export const safeMarks = (html) => String(html).replace(/<(?!\/?mark>)/g, '&lt;');

export const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const ERAS = [
  ['令和', '2019-05-01', 2018],
  ['平成', '1989-01-08', 1988],
  ['昭和', '1926-12-25', 1925],
  ['大正', '1912-07-30', 1911],
  ['明治', '1868-01-25', 1867],
];

// 2020-03-25 → 令和2年3月25日 (令和元年 for the first year).
export const wareki = (iso) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!m) return '';
  for (const [name, start, base] of ERAS) {
    if (iso >= start) {
      const y = Number(m[1]) - base;
      return `${name}${y === 1 ? '元' : y}年${Number(m[2])}月${Number(m[3])}日`;
    }
  }
  return '';
};

export const TYPE_LABELS = { statute: '法令', ruling: '判例', guidance: 'ガイドライン' };

// A case number as lawyers write it: 平成28(う)974 → 平成28年(う)第974号, 令和1(ネ)10037 → 令和元年(ネ)第10037号,
// 令和3特(わ)129 → 令和3年特(わ)第129号, 平成23(ネ)10084等 → 平成23年(ネ)第10084号等. Other shapes as they are.
export const caseNumberLabel = (n) => {
  const m = /^(明治|大正|昭和|平成|令和)(\d+)(特?)\(([^)]+)\)(\d+)(.*)$/.exec(n || '');
  if (!m) return n || '';
  return `${m[1]}${m[2] === '1' ? '元' : m[2]}年${m[3]}(${m[4]})第${m[5]}号${m[6]}`;
};

// 判決, 決定 or 命令 as the ruling's text says (meta.decision_kind); nothing when it does not say.
export const decisionKind = (meta) => (/^(判決|決定|命令)$/.test(meta?.decision_kind || '') ? meta.decision_kind : '');

// The line under a hit's title: court and date for rulings, law and article for statutes.
export const sourceLine = (hit) => {
  const m = hit.meta || {};
  const parts = [];
  if (hit.type === 'ruling') {
    if (m.court) parts.push(m.court);
    if (m.date) parts.push(`${wareki(m.date)}${decisionKind(m)}`);
    if (m.case_number) parts.push(caseNumberLabel(m.case_number));
  } else if (hit.type === 'statute') {
    parts.push(m.law || hit.title);
    // 2 → 第2条, 19の2 → 第19条の2
    if (m.article) parts.push(m.article.includes('の') ? `第${m.article.replace('の', '条の')}` : `第${m.article}条`);
  } else {
    if (m.date) parts.push(wareki(m.date));
  }
  return parts.filter(Boolean).join(' ・ ');
};

export const docLink = (hit, query) => {
  const p = new URLSearchParams({ id: hit.doc_id, p: hit.passage_id });
  if (query) p.set('q', query);
  return `doc.html?${p}`;
};

// A statute hit's version: 施行 令和元年7月1日（平成30年法律第33号）· 令和6年6月13日 改正 (hit.version, see
// /api/search). Empty for documents of which only one version is indexed and undated.
export const versionLine = (v) => {
  if (!v || (!v.version_date && v.versions < 2)) return '';
  const parts = [v.version_date ? `施行 ${wareki(v.version_date)}` : '施行日不明（e-Gov の履歴より前の版）'];
  if (v.amending_law) parts[0] += `（${v.amending_law}）`;
  if (v.has_history) {
    if (v.changed && v.in_force_from) parts.push(`${wareki(v.in_force_from)}の改正後の文言`);
    if (v.amended_on) parts.push(`${wareki(v.amended_on)}${v.removed_later ? '削除' : '改正'}${v.amended_by ? `（${v.amended_by}）` : ''}`);
  }
  if (v.versions > 1) parts.push(v.current ? '現行' : '現行ではない');
  return parts.join(' ・ ');
};

// Diff segments from /api/history as marked HTML: <del> removed words, <ins> added ones; long
// unchanged runs shortened to their ends.
export const diffHtml = (changes, context = 30) => changes.map((c, i) => {
  if (c.op === 'deleted') return `<del>${escapeHtml(c.text)}</del>`;
  if (c.op === 'inserted') return `<ins>${escapeHtml(c.text)}</ins>`;
  const t = [...c.text];
  if (t.length <= 2 * context + 1) return escapeHtml(c.text);
  const head = i > 0 ? t.slice(0, context).join('') : '';
  const tail = i + 1 < changes.length ? t.slice(-context).join('') : '';
  return `${escapeHtml(head)}…${escapeHtml(tail)}`;
}).join('');
