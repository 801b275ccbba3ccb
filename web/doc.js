// The document page: the whole statute, ruling or guideline, the hit passage scrolled into view and
// marked, and 「類似の箇所」 (passages like it) on request.
import { api, safeMarks, escapeHtml, sourceLine, docLink, wareki, TYPE_LABELS, caseNumberLabel, decisionKind, errorHtml } from './common.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const id = params.get('id') || '';
const target = params.get('p') || '';
const query = params.get('q') || '';
// The search page's own query string (q, filters, page: see docLink), else just the words.
const back = params.get('back') || (query ? String(new URLSearchParams({ q: query })) : '');
// A cited provision's paragraph and item (不正競争防止法2条6項 → para=6): marked within the article.
const para = params.get('para') || '', item = params.get('item') || '';

// 6 → 六, 14 → 十四, 14の2 → 十四の二: how e-Gov texts number items.
const KANJI = '〇一二三四五六七八九';
const kanji = (n) => (n < 10 ? KANJI[n] : `${n >= 20 ? KANJI[Math.floor(n / 10)] : ''}十${n % 10 ? KANJI[n % 10] : ''}`);
const kanjiNumber = (s) => s.split('の').map((n) => kanji(Number(n))).join('の');
const fullWidth = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xFEE0));

// The lines of an article's text (its html, one line per paragraph or item: 「６　この法律において…」,
// 「十四　…」) holding paragraph `para` and within it item `item`, wrapped in <span class="provision-target">.
// The html unchanged when the text has no such paragraph.
function markProvision(html, para, item) {
  const lines = html.split('\n');
  const plain = lines.map((l) => l.replace(/<[^>]*>/g, ''));
  const isParagraph = (t) => /^([０-９]+|[0-9]+)[\u3000 ]/.test(t);
  let start = 0;
  if (Number(para) > 1) {
    start = plain.findIndex((t) => t.startsWith(`${fullWidth(para)}\u3000`) || t.startsWith(`${para}\u3000`));
    if (start < 0) return html;
  }
  let end = start + 1;
  while (end < lines.length && !isParagraph(plain[end])) end++;
  if (item) {
    const at = plain.slice(start, end).findIndex((t) => t.startsWith(`${kanjiNumber(item)}\u3000`));
    if (at >= 0) {
      start += at;
      end = start + 1;
      while (end < lines.length && !isParagraph(plain[end]) && !/^[一二三四五六七八九十]+(の[一二三四五六七八九十]+)*\u3000/.test(plain[end])) end++;
    }
  }
  return [...lines.slice(0, start), `<span class="provision-target" id="provision">${lines.slice(start, end).join('\n')}</span>`,
    ...lines.slice(end)].join('\n');
}

// A cited provision's link: the article's passage, with its paragraph and item to mark.
const citationLink = (c) => {
  const link = new URL(docLink(c, query, back), location.href);
  const [, , p, i] = (c.key || '').split('/');
  if (p) link.searchParams.set('para', p);
  if (i) link.searchParams.set('item', i);
  return `doc.html${link.search}`;
};

if (back) $('back').href = `./?${new URLSearchParams(back)}`;

const WINDOW = 40, WINDOW_LIMIT = 100;
let showPassage = () => {}, passageIndex = () => -1;

// 第一編, 第二章, 第三節, 第一款, 第一目: the divisions of a statute above its articles.
const isDivision = (h) => /^第[一二三四五六七八九十百千〇]+[編章節款目]/.test(h.trim());

// Nested lists of the divisions, each a <details> (open on the way to the article shown), the articles
// as links: 第二章　手続 › 第一節　申立て › 第七十五条（申立ての第二十五の事項）.
function statuteToc(passages, targetId) {
  const root = { children: new Map(), items: [] };
  for (const p of passages) {
    const path = p.heading_path || [];
    let node = root;
    for (const h of path.filter(isDivision)) {
      if (!node.children.has(h)) node.children.set(h, { children: new Map(), items: [], open: false });
      node = node.children.get(h);
      if (p.passage_id === targetId) node.open = true;
    }
    const caption = path.find((h) => /^（.*）$/.test(h.trim())) || '';
    const name = path.length ? path[path.length - 1] : p.passage_id;
    node.items.push(`<li><a href="#${encodeURIComponent(p.passage_id)}"${p.passage_id === targetId ? ' aria-current="location"' : ''}>${escapeHtml(name)}${caption && caption !== name ? ` ${escapeHtml(caption)}` : ''}</a></li>`);
  }
  const render = (node) => `${node.items.length ? `<ol>${node.items.join('')}</ol>` : ''}${[...node.children].map(([h, child]) =>
    `<details class="division"${child.open ? ' open' : ''}><summary>${escapeHtml(h)}</summary>${render(child)}</details>`).join('')}`;
  return render(root);
}

async function load() {
  if (!id) { $('status').textContent = '文書が指定されていません。'; return; }
  let doc;
  try {
    doc = await api(`/api/doc/${id.split('/').map(encodeURIComponent).join('/')}`, { q: query });
  } catch (e) {
    $('status').innerHTML = errorHtml(e);
    return;
  }
  document.title = `${doc.title} — tsubo`;
  $('doc-type').textContent = TYPE_LABELS[doc.type] || doc.type;
  $('doc-type').classList.add(`badge-${doc.type}`);
  $('doc-title').textContent = doc.title;

  const m = doc.meta || {};
  const rows = [
    ['裁判所', m.court], ['事件番号', caseNumberLabel(m.case_number)], ['事件名', doc.type === 'ruling' ? m.case_name : ''],
    ['日付', m.date ? `${wareki(m.date)}${doc.type === 'ruling' ? decisionKind(m) : ''}（${m.date}）` : ''], ['法令番号', m.law_number], ['権利種別', m.right_type],
  ].filter(([, v]) => v);
  $('doc-meta').innerHTML = rows.map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v)}</dd>`).join('') +
    (m.source_url && /^https?:\/\//.test(m.source_url)
      ? `<dt>原文</dt><dd><a href="${escapeHtml(m.source_url)}" rel="noopener noreferrer">${escapeHtml(m.source_url)}</a></dd>` : '');

  const passageHtml = (p) => `
    <section class="passage${p.passage_id === target ? ' target' : ''}" id="${escapeHtml(p.passage_id)}"
             ${p.passage_id === target ? 'aria-current="true" tabindex="-1"' : ''}>
      ${p.heading ? `<h2 class="passage-heading">${escapeHtml(p.heading)}</h2>` : ''}
      ${p.passage_id === target ? `<span class="target-label">${para ? `引用された箇所（第${escapeHtml(para)}項${item ? `第${escapeHtml(item.replace('の', '号の'))}${item.includes('の') ? '' : '号'}` : ''}）` : '検索でヒットした箇所'}</span>` : ''}
      <div class="passage-text">${p.passage_id === target && para ? markProvision(safeMarks(p.html), para, item) : safeMarks(p.html)}</div>
      <button type="button" class="more-like" data-passage="${escapeHtml(p.passage_id)}">類似の箇所を探す</button>
    </section>`;

  // A long document (会社法: 1,013 articles) shows the passages around the one opened, more on request:
  // the whole text would be hundreds of thousands of pixels and seconds of layout.
  const all = doc.passages;
  const at = Math.max(0, all.findIndex((p) => p.passage_id === target));
  let from = all.length > WINDOW_LIMIT ? Math.max(0, at - WINDOW) : 0;
  let to = all.length > WINDOW_LIMIT ? Math.min(all.length, at + WINDOW + 1) : all.length;
  const more = (dir, n) => `<button type="button" class="show-more" data-dir="${dir}">${dir < 0 ? '前' : '後'}の${n}箇所を表示</button>`;
  const renderWindow = () => {
    $('passages').innerHTML = (from > 0 ? more(-1, Math.min(WINDOW, from)) : '') + all.slice(from, to).map(passageHtml).join('') +
      (to < all.length ? more(1, Math.min(WINDOW, all.length - to)) : '');
  };
  // Makes the passage at index i part of the shown ones.
  showPassage = (i) => {
    if (i >= from && i < to) return;
    from = Math.max(0, Math.min(from, i - WINDOW));
    to = Math.min(all.length, Math.max(to, i + WINDOW + 1));
    renderWindow();
  };
  passageIndex = (id) => all.findIndex((p) => p.passage_id === id);
  $('passages').onclick = (e) => {
    const b = e.target.closest('.show-more');
    if (!b) return;
    const dir = Number(b.dataset.dir);
    const keep = dir < 0 ? all[from].passage_id : null;
    if (dir < 0) from = Math.max(0, from - WINDOW);
    else to = Math.min(all.length, to + WINDOW);
    renderWindow();
    if (keep) document.getElementById(keep)?.scrollIntoView({ block: 'start' });
  };
  renderWindow();

  // 目次: a statute's 編・章・節 fold, its articles beneath; other long documents one entry per passage.
  if (doc.type === 'statute' && all.some((p) => (p.heading_path || []).some(isDivision))) {
    $('toc').innerHTML = `<details${all.length > WINDOW_LIMIT ? ' open' : ''}><summary>目次（${all.length}箇所）</summary>${statuteToc(all, target)}</details>`;
  } else if (doc.passages.length > 4) {
    $('toc').innerHTML = `<details><summary>目次（${doc.passages.length}箇所）</summary><ol>${doc.passages.map((p) =>
      `<li><a href="#${encodeURIComponent(p.passage_id)}">${escapeHtml(p.heading || p.passage_id)}</a></li>`).join('')}</ol></details>`;
  }
  // Statutes the document cites, linked to the indexed article when there is one.
  // The cited provision as the document read it, and whether the law has changed since.
  const amendedNote = (c) => !c.amended_on ? ''
    : `<span class="amended">（${escapeHtml(wareki(c.amended_on))}改正${c.amended_by ? `・${escapeHtml(c.amended_by)}` : ''}${c.now ? `。現行では ${escapeHtml(c.now)}` : ''}）</span>`;
  if (doc.citations?.length) {
    $('citations').hidden = false;
    $('citations').innerHTML = `<h2>引用</h2><ul>${doc.citations.map((c) =>
      `<li>${c.doc_id ? `<a href="${escapeHtml(citationLink(c))}">${escapeHtml(c.text)}</a>` : escapeHtml(c.text)}${amendedNote(c)}</li>`).join('')}</ul>`;
  }

  $('status').textContent = '';
  $('document').hidden = false;
  const hit = target && document.getElementById(target);
  if (hit) {
    (document.getElementById('provision') || hit).scrollIntoView({ block: 'center' });
    hit.focus({ preventScroll: true });
  }
}

// A 目次 entry shows its passage first when it lies outside the passages shown.
$('toc').addEventListener('click', (e) => {
  const a = e.target.closest('a[href^="#"]');
  if (!a) return;
  const id = decodeURIComponent(a.getAttribute('href').slice(1));
  const i = passageIndex(id);
  if (i < 0) return;
  e.preventDefault();
  showPassage(i);
  const el = document.getElementById(id);
  el?.scrollIntoView({ block: 'start' });
  history.replaceState(null, '', `#${encodeURIComponent(id)}`);
});

$('passages').addEventListener('click', async (e) => {
  const b = e.target.closest('.more-like');
  if (!b) return;
  const box = $('similar');
  box.hidden = false;
  const list = box.querySelector('ol');
  list.innerHTML = '<li>検索中…</li>';
  try {
    const r = await api('/api/similar', { passage: b.dataset.passage, size: 5 });
    list.innerHTML = r.hits.length ? r.hits.map((h) => `
      <li class="hit">
        <div class="hit-head"><span class="badge badge-${escapeHtml(h.type)}">${escapeHtml(TYPE_LABELS[h.type] || h.type)}</span>
          <h3><a class="hit-title" href="${escapeHtml(docLink(h, query, back))}">${escapeHtml(h.title)}</a></h3></div>
        <div class="hit-source">${escapeHtml(sourceLine(h))}</div>
        ${h.heading ? `<div class="hit-heading">${escapeHtml(h.heading)}</div>` : ''}
        <p class="snippet">${safeMarks(h.snippet)}</p>
      </li>`).join('') : '<li>類似の箇所は見つかりませんでした。</li>';
  } catch (err) {
    list.innerHTML = `<li>${errorHtml(err)}</li>`;
  }
  box.scrollIntoView({ block: 'nearest' });
});

load();
