// <tsubo-search>: a tsubo search box and result list for any page, styled in isolation (Shadow DOM).
//
//   <script src="https://tsubo.example.jp/tsubo-search.js" defer></script>
//   <tsubo-search server="https://tsubo.example.jp" type="guidance" size="5"></tsubo-search>
//
// Attributes: server (tsubo's URL; default the script's own origin), type (statute|ruling|guidance),
// court, law (fixed filters, comma-separated for several), as-of (statutes as they stood on that day:
// 2017-03-21, H29.3.21; default today), size (results, 1–20), placeholder, label, button-text (検索).
// Theme with CSS custom properties on the element: --tsubo-accent, --tsubo-fg, --tsubo-bg,
// --tsubo-muted, --tsubo-border, --tsubo-mark, --tsubo-radius, --tsubo-font, and for a dark theme
// --tsubo-accent-fg (text on the accent: the button), --tsubo-badge-bg, --tsubo-badge-fg,
// --tsubo-input-bg, --tsubo-input-fg, --tsubo-error. Or style the parts: ::part(input), ::part(button), …
// The tsubo server must list the embedding page's origin in --allow-origin. No search logic here.
(() => {
  if (customElements.get('tsubo-search')) return;
  const scriptOrigin = document.currentScript ? new URL(document.currentScript.src).origin : location.origin;
  const LABELS = { statute: '法令', ruling: '判例', guidance: 'ガイドライン' };
  const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const marks = (html) => String(html ?? '').replace(/<(?!\/?mark>)/g, '&lt;');
  // The page's labels (web/common.js wareki, caseNumberLabel, decisionKind), kept here so that the
  // widget stays one file: 2018-12-03 → 平成30年12月3日, 平成30(く)582 → 平成30年(く)第582号.
  const ERAS = [['令和', '2019-05-01', 2018], ['平成', '1989-01-08', 1988], ['昭和', '1926-12-25', 1925]];
  const wareki = (iso) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    const era = m && ERAS.find(([, start]) => iso >= start);
    if (!era) return iso || '';
    const y = Number(m[1]) - era[2];
    return `${era[0]}${y === 1 ? '元' : y}年${Number(m[2])}月${Number(m[3])}日`;
  };
  const caseNumber = (n) => {
    const m = /^(明治|大正|昭和|平成|令和)(\d+)(特?)\(([^)]+)\)(\d+)(.*)$/.exec(n || '');
    return m ? `${m[1]}${m[2] === '1' ? '元' : m[2]}年${m[3]}(${m[4]})第${m[5]}号${m[6]}` : n || '';
  };
  // The API's error codes in Japanese, as web/common.js errorMessage says them (the API's English
  // message stays in the status line's title, for developers).
  const ERRORS = {
    empty_query: '検索語を入力してください。',
    query_too_long: '検索語が長すぎます。短くしてから検索してください。',
    bad_date: '日付を読めません。2019、平成29、H29.3.21 のように書いてください。',
    bad_filter: 'この検索欄の絞り込み（type・court・law）に当たる文書が索引にありません。',
    bad_query: '検索式を読めません。括弧や引用符（"）の対応を確認してください。',
    index_changing: '索引の更新中でした。もう一度お試しください。',
    index_unavailable: '索引を読み込めないため検索できません。管理者に連絡してください。',
    analyzer_unavailable: '索引を読み込めないため検索できません。管理者に連絡してください。',
    origin_not_allowed: 'このページからの検索はサーバーに許可されていません（tsubo serve の --allow-origin）。',
    too_many_parameters: '条件が多すぎます。',
  };
  const errorText = (e) => (e.code ? ERRORS[e.code] || `検索できませんでした（${e.code}）。`
    : e.status ? `検索できませんでした（HTTP ${e.status}）。`
    : 'サーバーに接続できません。サーバーのアドレスと、tsubo serve の --allow-origin にこのページのオリジンがあるかを確認してください。');
  const kind = (m) => (/^(判決|決定|命令)$/.test(m.decision_kind || '') ? m.decision_kind : '');

  const STYLE = `
    :host { display: block; font-family: var(--tsubo-font, system-ui, "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", Meiryo, sans-serif);
      color: var(--tsubo-fg, #1d2330); background: var(--tsubo-bg, #fff); border: 1px solid var(--tsubo-border, #d9d6cc);
      border-radius: var(--tsubo-radius, 10px); padding: 1rem; line-height: 1.7; }
    :host([hidden]) { display: none; }
    form { display: flex; gap: .5rem; }
    label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    input { flex: 1; min-width: 0; font: inherit; padding: .45rem .65rem; border: 2px solid var(--tsubo-border, #8a93a6);
      border-radius: calc(var(--tsubo-radius, 10px) * .7); background: var(--tsubo-input-bg, #fff); color: var(--tsubo-input-fg, #1d2330); }
    input::placeholder { color: var(--tsubo-muted, #4f5768); opacity: .9; }
    input:focus { outline: none; border-color: var(--tsubo-accent, #1f4e8c); }
    button { font: inherit; font-weight: 700; padding: .4rem 1rem; border: 0; cursor: pointer; color: var(--tsubo-accent-fg, #fff);
      background: var(--tsubo-accent, #1f4e8c); border-radius: calc(var(--tsubo-radius, 10px) * .7); }
    :focus-visible { outline: 3px solid #f0a202; outline-offset: 2px; }
    .status { color: var(--tsubo-muted, #4f5768); font-size: .85rem; margin: .5rem 0 0; min-height: 1em; }
    .status.error { color: var(--tsubo-error, #a4161a); font-weight: 700; }
    ol { list-style: none; margin: .5rem 0 0; padding: 0; }
    li { padding: .5rem 0; border-top: 1px solid var(--tsubo-border, #e4e1d8); }
    a { color: var(--tsubo-accent, #1f4e8c); font-weight: 700; }
    .badge { font-size: .7rem; color: var(--tsubo-badge-fg, #fff); background: var(--tsubo-badge-bg, var(--tsubo-muted, #4f5768)); border-radius: 4px; padding: 0 .35rem; margin-right: .35rem; }
    .source, .heading { font-size: .8rem; color: var(--tsubo-muted, #4f5768); }
    p { margin: .2rem 0 0; font-size: .9rem; }
    mark { background: var(--tsubo-mark, #ffe58a); color: inherit; border-radius: 2px; }`;

  class TsuboSearch extends HTMLElement {
    static get observedAttributes() { return ['placeholder', 'label', 'button-text']; }

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = `<style>${STYLE}</style>
        <form part="form" role="search">
          <label for="q"></label>
          <input id="q" part="input" type="search" maxlength="300" required autocomplete="off">
          <button part="button" type="submit">検索</button>
        </form>
        <p class="status" part="status" role="status" aria-live="polite"></p>
        <ol part="results"></ol>`;
      this.$ = (sel) => root.querySelector(sel);
      this.$('form').addEventListener('submit', (e) => { e.preventDefault(); this.search(this.$('input').value.trim()); });
    }

    connectedCallback() { this.attributeChangedCallback(); }

    attributeChangedCallback() {
      const label = this.getAttribute('label') || 'tsubo で検索';
      this.$('label').textContent = label;
      this.$('form').setAttribute('aria-label', label);  // several boxes on a page: each landmark named
      this.$('button').textContent = this.getAttribute('button-text') || '検索';
      this.$('input').placeholder = this.getAttribute('placeholder') || `${label}（例: 秘密管理性）`;
    }

    // The search page with this box's words and fixed filters: "more results".
    fullPage(q) {
      const p = new URLSearchParams({ q });
      for (const k of ['type', 'court', 'law']) {
        for (const v of (this.getAttribute(k) || '').split(',')) if (v.trim()) p.append(k, v.trim());
      }
      const asOf = (this.getAttribute('as-of') || '').trim();
      if (asOf) p.set('as_of', asOf);
      return `${this.server}/?${p}`;
    }

    get server() { return (this.getAttribute('server') || scriptOrigin).replace(/\/+$/, ''); }

    async search(q) {
      if (!q) {  // only spaces, the full-width one included
        this.$('.status').className = 'status error';
        this.$('.status').textContent = ERRORS.empty_query;
        return;
      }
      const url = new URL(`${this.server}/api/search`);
      url.searchParams.set('q', q);
      url.searchParams.set('facets', '0');
      const size = Math.min(20, Math.max(1, Number(this.getAttribute('size')) || 5));
      url.searchParams.set('size', String(size));
      const asOf = (this.getAttribute('as-of') || '').trim();
      if (asOf) url.searchParams.set('as_of', asOf);
      for (const k of ['type', 'court', 'law', 'collection']) {
        for (const v of (this.getAttribute(k) || '').split(',')) if (v.trim()) url.searchParams.append(k, v.trim());
      }
      // Private collections: the page sets box.token (an API token of tsubo serve --config) from its own
      // session, never in the HTML; behind the trusted proxy no token is needed.
      const headers = { Accept: 'application/json' };
      if (this.token) headers.Authorization = `Bearer ${this.token}`;
      const status = this.$('.status'), list = this.$('ol');
      status.className = 'status';
      status.removeAttribute('title');
      status.textContent = '検索中…';
      try {
        const res = await fetch(url, { headers });
        const body = await res.json().catch(() => ({}));
        if (!res.ok) throw Object.assign(new Error(body?.error?.message || `HTTP ${res.status}`), { code: body?.error?.code || '', status: res.status });
        status.textContent = body.total ? `約${body.total}件` : '見つかりませんでした';
        list.innerHTML = body.hits.map((h) => {
          const link = `${this.server}/doc.html?${new URLSearchParams({ id: h.doc_id, p: h.passage_id, q })}`;
          const m = h.meta || {};
          const v = h.version && h.version.version_date ? `${wareki(h.version.version_date)}施行の版${h.version.current ? '' : '（現行ではない）'}` : '';
          const date = m.date ? `${wareki(m.date)}${h.type === 'ruling' ? kind(m) : ''}` : '';
          const article = m.law && m.article ? `${m.law} 第${m.article.replace('の', '条の')}${m.article.includes('の') ? '' : '条'}` : '';
          const source = [m.court, v || date, caseNumber(m.case_number), article].filter(Boolean).join(' ・ ');
          return `<li part="result"><span class="badge" part="badge">${esc(LABELS[h.type] || h.type)}</span>
            <a href="${esc(link)}" target="_blank" rel="noopener">${esc(h.title)}</a>
            ${source ? `<div class="source">${esc(source)}</div>` : ''}
            ${h.heading ? `<div class="heading">${esc(h.heading)}</div>` : ''}
            <p>${marks(h.snippet)}</p></li>`;
        }).join('') + (body.total > body.hits.length ? `<li class="more" part="more"><a href="${esc(this.fullPage(q))}" target="_blank" rel="noopener">すべての結果（約${body.total}件）を tsubo で見る</a></li>` : '');
        this.dispatchEvent(new CustomEvent('tsubo-results', { detail: { query: q, total: body.total } }));
      } catch (e) {
        status.className = 'status error';
        status.textContent = errorText(e);
        status.title = e.code ? `${e.code}: ${e.message}` : e.message;
        list.replaceChildren();
      }
    }
  }
  customElements.define('tsubo-search', TsuboSearch);
})();
