// Helpers shared by the search page and the document page: API calls, 和暦 dates, safe snippets.

export const api = (path, params = {}) => {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) {
    for (const one of [].concat(v)) if (one !== undefined && one !== null && one !== '') url.searchParams.append(k, one);
  }
  return fetch(url, { headers: { Accept: 'application/json' } }).then(async (res) => {
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      const e = new Error(body?.error?.message || `HTTP ${res.status}`);
      e.code = body?.error?.code || '';
      e.status = res.status;
      throw e;
    }
    return body;
  });
};

// The API's errors in Japanese: it answers {"error": {"status", "code", "message"}} with the message in
// English for developers (search/http_api.cc); the page says what went wrong and what to do. The
// widget (tsubo-search.js) keeps a copy of these words.
const DATE_FIELDS = { from: '期間の始め', to: '期間の終わり', dates: '期間', years: '期間', as_of: '法令の基準日', diff: '比較する日' };
const FILTER_NAMES = { court: '裁判所', law: '法令', requirement: '要件', 'right type': '権利種別', right_type: '権利種別' };
const quoted = (message) => /«([^»]*)»/.exec(message || '')?.[1];
export const errorMessage = (e) => {
  const m = e?.message || '';
  if (!e?.code && !e?.status) {
    return e?.name === 'TypeError' && /fetch|network/i.test(m)
      ? 'サーバーに接続できませんでした。ネットワークとサーバーが動いているかを確認してください。'
      : `表示できませんでした（${m}）。`;
  }
  switch (e.code) {
    case 'empty_query': return '検索語を入力してください。';
    case 'query_too_long': return '検索語が長すぎます。短くしてから検索してください。';
    case 'bad_date': {
      const field = DATE_FIELDS[/^(\w+):/.exec(m)?.[1]] || '日付';
      const v = quoted(m);
      return `${field}${v ? `「${v}」` : ''}を日付として読めません。2019、平成29、令和元年、H29、2019-10-09、平成29年3月21日 のように書いてください。`;
    }
    case 'bad_page': {
      const range = /between (\d+)–(\d+)/.exec(m);
      return `ページの番号が範囲外です${range ? `（${range[1]}〜${range[2]}ページ）` : ''}。前のページに戻ってください。`;
    }
    case 'bad_size': case 'bad_limit': return '表示件数の指定が範囲外です。';
    case 'bad_filter': {
      const none = /^\[search\] ([\w ]+) «([^»]*)» matches nothing in the index(?:; did you mean (.*)\?)?/.exec(m);
      if (none) {
        const near = none[3] ? `もしかして ${[...none[3].matchAll(/«([^»]*)»/g)].map((x) => `「${x[1]}」`).join('')}？` : '';
        return `${FILTER_NAMES[none[1]] || '絞り込み'}「${none[2]}」に当たる文書は索引にありません。${near}`;
      }
      if (/not a statute reference/.test(m)) return `「${quoted(m) || ''}」を条文として読めません。不正競争防止法2条6項 のように書いてください。`;
      if (/not an article number/.test(m)) return `「${quoted(m) || ''}」を条番号として読めません。2、19の2、第十九条の二 のように書いてください。`;
      if (/unknown type/.test(m)) return '種別は 法令・判例・ガイドライン から選んでください。';
      return '絞り込みの条件を読めません。条件を解除してやり直してください。';
    }
    case 'bad_query': return '検索式を読めません。括弧や引用符（"）の対応、AND・OR・NOT の前後に語があるかを確認してください。';
    case 'no_such_document': return `文書${quoted(m) ? `「${quoted(m)}」` : ''}は索引にありません（索引が作り直されて無くなったのかもしれません）。`;
    case 'no_such_passage': return 'この箇所は索引にありません（索引が作り直されたのかもしれません）。';
    case 'no_such_article': return 'その条文は索引にありません。法令名と条番号を確認してください。';
    case 'index_changing': return '索引の更新中でした。もう一度お試しください。';
    case 'index_unavailable': case 'analyzer_unavailable':
      return '索引を読み込めないため検索できません。しばらくしてから試すか、管理者に連絡してください。';
    case 'origin_not_allowed': return 'このページからの検索はサーバーに許可されていません（tsubo serve の --allow-origin）。';
    case 'too_many_parameters': return '条件が多すぎます。絞り込みを減らしてください。';
    case 'bad_utf8': return '入力に読めない文字が含まれています。';
    case 'not_found': return '見つかりません。';
    default: return `検索できませんでした（${e.code || `HTTP ${e.status}`}）。`;
  }
};

// An error as the page shows it: the Japanese words, the API's code and English message kept for
// developers in the title.
export const errorHtml = (e) =>
  `<span class="error" data-code="${escapeHtml(e?.code || '')}" title="${escapeHtml(e?.code ? `${e.code}: ${e.message}` : e?.message || '')}">${escapeHtml(errorMessage(e))}</span>`;

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

// The document page at a passage; `back` is the search page's query string (q, filters, page), for
// its ‹ 検索結果に戻る link.
export const docLink = (hit, query, back) => {
  const p = new URLSearchParams({ id: hit.doc_id, p: hit.passage_id });
  if (query) p.set('q', query);
  if (back) p.set('back', back);
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
