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
      ${p.passage_id === target ? '<span class="target-label">検索でヒットした箇所</span>' : ''}
      <div class="passage-text">${safeMarks(p.html)}</div>
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
      `<li>${c.doc_id ? `<a href="${escapeHtml(docLink(c, query, back))}">${escapeHtml(c.text)}</a>` : escapeHtml(c.text)}${amendedNote(c)}</li>`).join('')}</ul>`;
  }

  $('status').textContent = '';
  $('document').hidden = false;
  const hit = target && document.getElementById(target);
  if (hit) {
    hit.scrollIntoView({ block: 'center' });
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
