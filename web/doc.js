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

  $('passages').innerHTML = doc.passages.map((p) => `
    <section class="passage${p.passage_id === target ? ' target' : ''}" id="${escapeHtml(p.passage_id)}"
             ${p.passage_id === target ? 'aria-current="true" tabindex="-1"' : ''}>
      ${p.heading ? `<h2 class="passage-heading">${escapeHtml(p.heading)}</h2>` : ''}
      ${p.passage_id === target ? `<span class="target-label">${para ? `引用された箇所（第${escapeHtml(para)}項${item ? `第${escapeHtml(item.replace('の', '号の'))}${item.includes('の') ? '' : '号'}` : ''}）` : '検索でヒットした箇所'}</span>` : ''}
      <div class="passage-text">${p.passage_id === target && para ? markProvision(safeMarks(p.html), para, item) : safeMarks(p.html)}</div>
      <button type="button" class="more-like" data-passage="${escapeHtml(p.passage_id)}">類似の箇所を探す</button>
    </section>`).join('');

  // 目次 for long documents: one entry per passage heading.
  if (doc.passages.length > 4) {
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
