// Browser test of the search page, the document view and the <tsubo-search> widget: tsubo serve on one
// loopback port, web/examples on another (a second origin), Debian's chromium driven by playwright-core.
// Run through run.sh, which sets the environment. Each step leaves a screenshot in $TSUBO_ARTIFACTS.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createReadStream, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const env = (k) => {
  if (!process.env[k]) throw new Error(`${k} is not set; run tests/web/run.sh`);
  return process.env[k];
};
const artifacts = env('TSUBO_ARTIFACTS');
mkdirSync(artifacts, { recursive: true });

// The README's widget snippet, as the README shows it: the first code block of its section on the
// search box for other pages.
function readmeSnippet() {
  const readme = readFileSync(path.join(env('TSUBO_WEB'), '..', 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('The search box for other pages'));
  const block = section && /```\n([\s\S]*?)```/.exec(section);
  if (!block || !block[1].includes('<tsubo-search')) throw new Error('README.md: no <tsubo-search> snippet in "The search box for other pages"');
  return block[1];
}

// The intranet page's own origin: a plain static server for web/examples, and readme-snippet.html, a
// page holding nothing but the README's snippet, its https://tsubo.example.jp made the running server
// (the one change its reader makes; set once the server runs).
let snippetServer = '';
function startExampleServer(dir) {
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'intranet.html';
    if (rel === 'readme-snippet.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="ja"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>README の検索ボックス</title></head>
<body><main><h1>README の検索ボックス</h1>\n${readmeSnippet().replaceAll('https://tsubo.example.jp', snippetServer)}</main></body></html>`);
      return;
    }
    const file = path.join(dir, rel);
    if (!file.startsWith(dir + path.sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// tsubo serve on any free port; the URL is read from the line it prints.
function startTsubo(allowOrigin) {
  const child = spawn(env('TSUBO_BIN'), ['serve', '--db', env('TSUBO_DB'), '--web', env('TSUBO_WEB'),
    '--port', '0', '--threads', '4', '--allow-origin', allowOrigin], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/\S+\/)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`tsubo serve exited (${code}): ${out}`)));
    setTimeout(() => reject(new Error(`tsubo serve did not start: ${out}`)), 15000);
  });
}

const examples = await startExampleServer(path.join(env('TSUBO_WEB'), 'examples'));
const exampleOrigin = `http://127.0.0.1:${examples.address().port}`;
const tsubo = await startTsubo(exampleOrigin);
process.on('exit', () => tsubo.child.kill('SIGTERM'));
// A fresh profile folder each run (run.sh makes it under a temporary folder it removes).
const context = await chromium.launchPersistentContext(env('TSUBO_PROFILE'), {
  executablePath: env('TSUBO_CHROMIUM'),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 860 },
  locale: 'ja-JP',
});

// axe-core, evaluated in the page through the DevTools protocol (the page's CSP does not apply to it).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const axeViolations = async () => {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
  });
};

const problems = [];
let page;
const shot = async (name) => {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: false });
  console.log(`  screenshot ${name}.png`);
};
// Runs fn, which provokes API errors on purpose: the 4xx answers and the console lines Chromium logs
// for them are not problems; anything else still is.
const expectingErrors = async (fn) => {
  const before = problems.length;
  await fn();
  await new Promise((r) => setTimeout(r, 200));
  const mine = problems.splice(before);
  problems.push(...mine.filter((p) => !/HTTP 4\d\d for |status of 4\d\d|ERR_CONNECTION_REFUSED/.test(p)));
};
const step = async (name, fn) => {
  process.stdout.write(`- ${name}\n`);
  await fn();
};

let failed = false;
try {
  page = context.pages()[0] || (await context.newPage());
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`); });

  await step('search shows highlighted results', async () => {
    await page.goto(`${tsubo.url}?q=${encodeURIComponent('秘密管理性')}`);
    await page.locator('.hit').first().waitFor();
    assert.ok(await page.locator('.hit').count() >= 3, 'at least three hits');
    assert.ok(await page.locator('.hit .snippet mark').count() > 0, 'snippets carry <mark>');
    assert.match(await page.locator('#status').textContent(), /秘密管理性/);
    assert.ok(await page.locator('.facet-value').count() > 0, 'facets are shown');
    // 年 counts rulings and guidance: 不正競争防止法 (promulgated 1993) is a hit, 1993 no year.
    assert.ok(await page.locator('.hit-statute').count() > 0, 'a statute hit');
    const years = await page.locator('.facet-value[data-facet=year]').evaluateAll((bs) => bs.map((b) => b.dataset.value));
    assert.ok(years.length > 0 && !years.includes('1993'), `years of rulings and guidance only: ${years}`);
    await shot('01-search-results');
  });

  await step('typing offers suggestions', async () => {
    await page.fill('#q', '');
    await page.locator('#q').pressSequentially('営業', { delay: 30 });
    await page.locator('#suggestions [role=option]').first().waitFor();
    await shot('02-suggestions');
    await page.keyboard.press('Escape');
  });

  await step('the 和暦 date filter narrows the results', async () => {
    await page.fill('#q', '秘密管理性');
    await page.fill('#from', '令和元年');
    await page.click('form#search button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#status').textContent.includes('2019年〜'));
    assert.ok(new URL(page.url()).searchParams.get('from') === '令和元年', 'the filter is in the URL');
    const sources = await page.locator('.hit-source').allTextContents();
    assert.ok(sources.every((s) => !s.includes('平成')), `no 平成 rulings left: ${sources}`);
    await shot('03-wareki-filter');
    await page.fill('#from', 'H31.4.30');  // down to the day
    await page.click('form#search button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#status').textContent.includes('2019-04-30〜'));
    await page.fill('#from', '');
    await page.click('form#search button[type=submit]');
    await page.waitForFunction(() => !document.querySelector('#status').textContent.includes('〜'));
  });

  await step('clicking a facet filters by court', async () => {
    const facet = page.locator('.facet-value[data-facet=court][data-value="知的財産高等裁判所"]');
    await facet.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('court') === '知的財産高等裁判所');
    await page.locator('.facet-value[data-facet=court][aria-pressed=true]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.hit').length === 1);
    assert.match(await page.locator('.hit-source').first().textContent(), /知的財産高等裁判所/);
    await shot('04-facet-court');
  });

  await step('a result opens the document at the passage', async () => {
    await page.locator('.hit-title').first().click();
    const target = page.locator('.passage.target');
    await target.waitFor();
    assert.ok(await target.locator('mark').count() > 0, 'the hit passage has marks');
    assert.ok(await page.locator('.passage').count() > 5, 'the whole document is shown');
    const box = await target.boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 860, `the passage is in view (y=${box?.y})`);
    assert.ok(await page.evaluate(() => window.scrollY > 200), 'the page scrolled down to it');
    await shot('05-document-at-passage');
  });

  await step('more like this lists passages of other documents', async () => {
    await page.locator('.passage.target .more-like').click();
    await page.locator('#similar .hit').first().waitFor();
    assert.ok(await page.locator('#similar .hit').count() >= 1);
    await shot('06-more-like-this');
  });

  await step('statutes show their version, the 基準日 picks the text in force, 改正履歴 marks the change', async () => {
    await page.goto(`${tsubo.url}?q=${encodeURIComponent('職務発明')}&type=statute`);
    await page.locator('.hit-version').first().waitFor();
    assert.match(await page.locator('.hit-version').first().textContent(), /施行 平成28年4月1日（平成27年法律第55号）.*現行/);
    assert.match(await page.locator('.hit .snippet').first().textContent(), /相当の利益|職務発明/);
    await page.fill('#as_of', 'H28.3.31');
    await page.click('form#search button[type=submit]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('as_of') === 'H28.3.31');
    await page.waitForFunction(() => /平成27年8月1日/.test(document.querySelector('.hit-version')?.textContent || ''));
    assert.match(await page.locator('.hit-version').first().textContent(), /平成28年4月1日改正.*現行ではない/);
    await page.locator('details.history summary').first().click();
    await page.locator('details.history .versions ins').first().waitFor();
    assert.match(await page.locator('details.history .versions ins').first().textContent(), /取得|金銭|利益/);
    assert.match(await page.locator('details.history .versions del').first().textContent(), /若しくは|対価|承継/);
    await shot('06b-statute-version-history');
    await page.fill('#as_of', '');
  });

  await step('the widget works on an intranet page of another origin', async () => {
    await page.goto(`${exampleOrigin}/intranet.html?tsubo=${encodeURIComponent(tsubo.url.replace(/\/$/, ''))}`);
    const guidance = page.locator('#guidance-box');
    await guidance.locator('input').fill('秘密管理');
    await guidance.locator('input').press('Enter');
    await guidance.locator('li').first().waitFor();
    assert.ok(await guidance.locator('li mark').count() > 0, 'widget results are highlighted');
    const badges = await guidance.locator('.badge').allTextContents();
    assert.ok(badges.every((b) => b === 'ガイドライン'), `only guidance: ${badges}`);

    const ip = page.locator('#ip-box');
    await ip.locator('input').fill('秘密管理性');
    await ip.locator('button').click();
    await ip.locator('li').first().waitFor();
    const sources = await ip.locator('.source').allTextContents();
    assert.ok(sources.length >= 1 && sources.every((s) => s.includes('知的財産高等裁判所')), `only 知財高裁: ${sources}`);
    // Styles stay inside the shadow root: the page's own <style> does not reach the result list.
    assert.equal(await page.locator('tsubo-search').first().evaluate((el) => !!el.shadowRoot), true);
    await shot('07-widget-second-origin');
  });

  await step('a 決定 reads 決定, its case number as lawyers write it (page, document, widget)', async () => {
    // 99103 ends 「主文のとおり決定する。」 and starts at 主文: its case number is only in the metadata.
    await page.goto(`${tsubo.url}?q=${encodeURIComponent('製造手順書')}`);
    const hit = page.locator('.hit', { hasText: '抗告事件' }).first();
    await hit.waitFor();
    const source = await hit.locator('.hit-source').textContent();
    assert.match(source, /平成30年12月3日決定/, `decided, not 判決: ${source}`);
    assert.doesNotMatch(source, /判決/);
    assert.match(source, /平成30年\(く\)第582号/, `the case number as written: ${source}`);
    const others = await page.goto(`${tsubo.url}?q=${encodeURIComponent('秘密管理性')}`).then(() =>
      page.locator('.hit').first().waitFor()).then(() => page.locator('.hit-source').allTextContents());
    assert.ok(others.some((s) => /令和2年3月25日判決 ・ 令和元年\(ネ\)第10201号/.test(s)), `judgments stay 判決: ${others}`);
    await page.goto(`${tsubo.url}?q=${encodeURIComponent('製造手順書')}`);
    await page.locator('.hit', { hasText: '抗告事件' }).first().locator('.hit-title').click();
    await page.locator('#doc-meta').waitFor();
    const meta = await page.locator('#doc-meta').textContent();
    assert.match(meta, /平成30年12月3日決定（2018-12-03）/, meta);
    assert.match(meta, /平成30年\(く\)第582号/, meta);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('09-decision-kind-document');
    await page.goto(`${exampleOrigin}/intranet.html?tsubo=${encodeURIComponent(tsubo.url.replace(/\/$/, ''))}`);
    await page.evaluate((server) => {
      const el = document.createElement('tsubo-search');
      el.id = 'ruling-box';
      el.setAttribute('type', 'ruling');
      el.setAttribute('label', '判例を検索');
      el.setAttribute('server', server);
      document.querySelector('main, body').append(el);
    }, tsubo.url.replace(/\/$/, ''));
    const box = page.locator('#ruling-box');
    await box.locator('input').fill('製造手順書');
    await box.locator('input').press('Enter');
    await box.locator('li').first().waitFor();
    const widgetSource = await box.locator('.source').first().textContent();
    assert.match(widgetSource, /平成30年12月3日決定 ・ 平成30年\(く\)第582号/, widgetSource);
    await box.scrollIntoViewIfNeeded();
    await shot('10-decision-kind-widget');
  });

  await step('a case number finds its ruling written either way', async () => {
    // 99103's text never prints its number (it starts at 主文): the metadata's number is indexed
    // with its first passage, in both forms.
    for (const q of ['平成30年(く)第582号', '平成30(く)582', '平成３０年（く）第５８２号', '582']) {
      await page.goto(`${tsubo.url}?q=${encodeURIComponent(q)}`);
      await page.locator('.hit').first().waitFor();
      assert.match(await page.locator('.hit-title').first().textContent(), /抗告事件/, `${q} finds 99103 first`);
      assert.match(await page.locator('.hit-title').first().getAttribute('href'), /99103%23p1/, `${q}: its first passage`);
    }
    await shot('11-case-number-search');
  });

  await step('the 引用 list writes branch-numbered articles as lawyers do', async () => {
    await page.goto(`${tsubo.url}doc.html?id=${encodeURIComponent('ruling/99104')}`);
    await page.locator('#citations li').first().waitFor();
    const cited = await page.locator('#citations li').allTextContents();
    assert.ok(cited.includes('不正競争防止法19条の2'), `19条の2, not 19の2条: ${cited}`);
    assert.ok(cited.includes('不正競争防止法21条の2第1項第1号'), `21条の2第1項第1号: ${cited}`);
    await page.locator('#citations').scrollIntoViewIfNeeded();
    await shot('12-citations-branch-numbers');
  });

  await step('the court facet groups divisions under their court, and filters by it', async () => {
    await page.goto(`${tsubo.url}?q=${encodeURIComponent('営業秘密')}`);
    const court = page.locator('.facet-value[data-facet=court][data-value="東京高等裁判所"]');
    await court.waitFor();
    const divisions = page.locator('.facet li:has(> .facet-value[data-value="東京高等裁判所"]) .divisions .facet-value');
    assert.deepEqual(await divisions.evaluateAll((bs) => bs.map((b) => b.dataset.value).sort()),
      ['東京高等裁判所第１０刑事部', '東京高等裁判所第３民事部']);
    const counts = await divisions.locator('.count').allTextContents();
    assert.equal(Number(await court.locator('.count').textContent()), counts.reduce((a, c) => a + Number(c), 0), 'the court counts its divisions');
    assert.equal(await page.locator('.facet-value[data-facet=court][data-value^="東京高等裁判所第"]').count(), 2, 'divisions only nested');
    await shot('13-court-facet-grouped');
    await court.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('court') === '東京高等裁判所');
    await page.locator('.facet-value[data-facet=court][data-value="東京高等裁判所"][aria-pressed=true]').waitFor();
    const sources = await page.locator('.hit-source').allTextContents();
    assert.ok(sources.length >= 2 && sources.every((s) => s.startsWith('東京高等裁判所第')), `both divisions: ${sources}`);
    await page.locator('.divisions .facet-value[data-value="東京高等裁判所第３民事部"]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('court').includes('東京高等裁判所第３民事部'));
  });

  await step('errors are said in Japanese and leave nothing of the previous answer', async () => {
    await expectingErrors(async () => {
      await page.goto(`${tsubo.url}?q=${encodeURIComponent('営業秘密')}`);
      await page.locator('.facet-value').first().waitFor();
      await page.fill('#from', '平成99年13月');
      await page.click('form#search button[type=submit]');
      const error = page.locator('#status .error');
      await error.waitFor();
      assert.match(await error.textContent(), /期間の始め「平成99年13月」を日付として読めません。2019、平成29/);
      assert.equal(await error.getAttribute('data-code'), 'bad_date');
      assert.match(await error.getAttribute('title'), /is not a date/, 'the English message stays for developers');
      assert.equal(await page.locator('#facets *').count(), 0, 'no facets or 絞り込みを解除 beside the error');
      assert.equal(await page.locator('.hit').count(), 0);
      await shot('14-error-japanese');

      await page.goto(`${tsubo.url}?q=${encodeURIComponent('営業秘密')}&page=2000`);
      await page.locator('#status .error').waitFor();
      assert.match(await page.locator('#status').textContent(), /ページの番号が範囲外です（1〜1001ページ）/);
      await page.goto(`${tsubo.url}?q=${encodeURIComponent('営業秘密')}&court=zzz`);
      await page.locator('#status .error').waitFor();
      assert.match(await page.locator('#status').textContent(), /裁判所「zzz」に当たる文書は索引にありません/);
      await page.goto(`${tsubo.url}doc.html?id=${encodeURIComponent('ruling/999999')}`);
      await page.locator('#status .error').waitFor();
      assert.match(await page.locator('#status').textContent(), /文書「ruling\/999999」は索引にありません/);
    });
  });

  await step('a query of only a full-width space says so (page and widget)', async () => {
    await page.goto(tsubo.url);
    await page.fill('#q', '\u3000');
    await page.click('form#search button[type=submit]');
    await page.locator('#status .error').waitFor();
    assert.match(await page.locator('#status').textContent(), /検索語を入力してください/);
    await shot('15-empty-query');
    await expectingErrors(async () => {
      await page.goto(`${tsubo.url}?q=${encodeURIComponent('\u3000')}`);  // a shared link with only a space
      await page.locator('#status .error').waitFor();
      assert.match(await page.locator('#status').textContent(), /検索語を入力してください/);
    });
    await page.goto(`${exampleOrigin}/intranet.html?tsubo=${encodeURIComponent(tsubo.url.replace(/\/$/, ''))}`);
    const box = page.locator('#guidance-box');
    await box.locator('input').fill('\u3000');
    await box.locator('input').press('Enter');
    await box.locator('.status.error').waitFor();
    assert.match(await box.locator('.status').textContent(), /検索語を入力してください/);
  });

  await step('the widget says in Japanese when the server cannot be reached or refuses a filter', async () => {
    // A port nothing listens on any more: a server down.
    const closed = await new Promise((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    });
    await expectingErrors(async () => {
      await page.evaluate(([server, down]) => {
        for (const [id, attrs] of [['down-box', { server: down }], ['bad-box', { server, court: 'zzz' }]]) {
          const el = document.createElement('tsubo-search');
          el.id = id;
          el.setAttribute('label', id);
          for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
          document.querySelector('main, body').append(el);
        }
      }, [tsubo.url.replace(/\/$/, ''), `http://127.0.0.1:${closed}`]);
      for (const [id, words] of [['#down-box', /サーバーに接続できません/], ['#bad-box', /絞り込み.*に当たる文書が索引にありません/]]) {
        const box = page.locator(id);
        await box.locator('input').fill('営業秘密');
        await box.locator('input').press('Enter');
        await box.locator('.status.error').waitFor();
        assert.match(await box.locator('.status').textContent(), words);
      }
      await page.locator('#bad-box').scrollIntoViewIfNeeded();
      await shot('16-widget-errors');
    });
  });

  await step('a ruling is one card, この判決の他の箇所 opens its other passages; the toggle keeps the passage view', async () => {
    await page.goto(`${tsubo.url}?q=${encodeURIComponent('営業秘密')}`);
    await page.locator('.hit').first().waitFor();
    assert.equal(await page.locator('#group').inputValue(), 'document', 'grouped by default');
    const cards = await page.locator('.hit-ruling .hit-title').evaluateAll((as) =>
      as.map((a) => new URL(a.href).searchParams.get('id')));
    assert.ok(cards.length >= 2 && new Set(cards).size === cards.length, `each ruling once: ${cards}`);
    assert.match(await page.locator('#status').textContent(), /一致する結果 約\d+件（判例は1件ずつにまとめて表示）/);
    // ruling/99101 holds 営業秘密 in seven passages: its card shows the best and counts six more.
    const card = page.locator('.hit', { has: page.locator('details.more[data-doc="ruling/99101"]') });
    const summary = card.locator('details.more summary');
    assert.match(await summary.textContent(), /この判決の他の箇所（6）/);
    const shown = new URL(await card.locator('.hit-title').getAttribute('href'), tsubo.url).searchParams.get('p');
    await summary.click();
    const rest = card.locator('.more-list li a');
    await rest.first().waitFor();
    const passages = await rest.evaluateAll((as) => as.map((a) => new URL(a.href).searchParams.get('p')));
    assert.equal(passages.length, 6, `six other passages: ${passages}`);
    assert.ok(passages.every((p) => p.startsWith('ruling/99101#') && p !== shown), `the ruling's others: ${passages}`);
    assert.ok(await card.locator('.more-list mark').count() > 0, 'their snippets are marked');
    await shot('23-grouped-cards');
    // The passage view: in the URL, every passage its own card again.
    await page.selectOption('#group', 'passage');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('group') === 'passage');
    await page.waitForFunction(() => !document.querySelector('details.more') && document.querySelectorAll('.hit').length === 10);
    const ids = await page.locator('.hit-ruling .hit-title').evaluateAll((as) => as.map((a) => new URL(a.href).searchParams.get('id')));
    assert.ok(ids.filter((id) => id === 'ruling/99101').length > 1, `passages of one ruling apart: ${ids}`);
    await shot('24-passage-view');
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('group') && document.querySelector('details.more'));
    assert.equal(await page.locator('#group').inputValue(), 'document');
  });

  await step('the README\'s widget snippet works from another origin, only one --allow-origin names, and says when its server is down', async () => {
    const server = tsubo.url.replace(/\/$/, '');
    snippetServer = server;
    await page.goto(`${exampleOrigin}/readme-snippet.html`);
    const box = page.locator('tsubo-search');
    await box.locator('input').fill('秘密');
    await box.locator('input').press('Enter');
    await box.locator('li').first().waitFor();
    const badges = await box.locator('.badge').allTextContents();
    assert.ok(badges.length >= 1 && badges.every((b) => b === 'ガイドライン'), `guidance hits: ${badges}`);
    assert.ok(await box.locator('li mark').count() > 0, 'marked');
    await shot('26-readme-snippet');
    await expectingErrors(async () => {
      // The same page from an origin --allow-origin does not name (localhost is not 127.0.0.1): the
      // browser withholds the answer, and the box says it cannot reach the server.
      const blocked = [];
      const onConsole = (m) => { if (/CORS|Access-Control-Allow-Origin/.test(m.text())) blocked.push(m.text()); };
      page.on('console', onConsole);
      await page.goto(exampleOrigin.replace('127.0.0.1', 'localhost') + '/readme-snippet.html');
      await box.locator('input').fill('秘密');
      await box.locator('input').press('Enter');
      await box.locator('.status.error').waitFor();
      assert.match(await box.locator('.status').textContent(), /サーバーに接続できません/);
      page.off('console', onConsole);
      assert.ok(blocked.length > 0, 'refused by CORS');
      // The server goes down after the page has loaded: the box says so.
      await page.goto(`${exampleOrigin}/readme-snippet.html`);
      await page.route(`${server}/api/**`, (route) => route.abort('connectionrefused'));
      await box.locator('input').fill('営業秘密');
      await box.locator('input').press('Enter');
      await box.locator('.status.error').waitFor();
      assert.match(await box.locator('.status').textContent(), /サーバーに接続できません/);
      // Down before the page loads: the script never comes, and the snippet's own text says why.
      await page.route(`${server}/tsubo-search.js`, (route) => route.abort('connectionrefused'));
      await page.goto(`${exampleOrigin}/readme-snippet.html`);
      await page.waitForLoadState('load');
      assert.equal(await box.evaluate((el) => !!el.shadowRoot), false, 'no widget without its script');
      assert.match(await box.innerText(), /tsubo\.example\.jp に接続できません/);
      assert.ok(await box.isVisible(), 'the message is shown');
      await shot('27-readme-snippet-unreachable');
      await page.unrouteAll();
      await page.waitForTimeout(300);  // the console lines of the refused requests come late
      // The refusals provoked here (by CORS: the console says so and net::ERR_FAILED) are not problems.
      const before = problems.splice(0);
      problems.push(...before.filter((p) => !/CORS policy|Access-Control-Allow-Origin|net::ERR_FAILED/.test(p)));
    });
  });

  await step('‹ 検索結果に戻る keeps the filters and the page', async () => {
    // The passage view (group=passage): the four rulings of the fixture make one page as cards.
    const search = `q=${encodeURIComponent('営業秘密')}&type=ruling&from=2017&group=passage&page=2`;
    await page.goto(`${tsubo.url}?${search}`);
    await page.locator('.hit-title').first().click();
    await page.locator('.passage.target').waitFor();
    await page.click('#back');
    await page.locator('.hit').first().waitFor();
    const p = new URL(page.url()).searchParams;
    assert.deepEqual([p.get('q'), p.get('type'), p.get('from'), p.get('group'), p.get('page')],
      ['営業秘密', 'ruling', '2017', 'passage', '2'], page.url());
    assert.equal(await page.locator('#group').inputValue(), 'passage');
    assert.equal(await page.locator('#from').inputValue(), '2017');
    assert.equal(await page.locator('#pager [aria-current=page]').textContent(), '2');
  });

  await step('why a hit matched, and the court findings on requirements, fold out under its card', async () => {
    await page.goto(`${tsubo.url}?q=${encodeURIComponent('秘密管理性')}&type=ruling`);
    const why = page.locator('.hit details.why').first();
    await why.waitFor();
    assert.equal(await why.evaluate((d) => d.open), false, 'folded by default');
    await why.locator('summary').click();
    const text = await why.locator('dl').textContent();
    assert.match(text, /一致した語.*秘密管理性/, text);
    assert.match(text, /箇所/, text);
    const tags = await page.locator('.hit details.why dl').allTextContents();
    assert.ok(tags.some((t) => /要件（判断）秘密管理性（(否定|肯定|言及)）/.test(t)), `requirement tags shown: ${tags}`);
    await why.scrollIntoViewIfNeeded();
    await shot('17-explain-panel');
  });

  await step('headings to jump by, pager names that say what they show, named widget landmarks', async () => {
    await page.goto(`${tsubo.url}?q=${encodeURIComponent('営業秘密')}&group=passage`);  // passages: pages enough for a pager
    await page.locator('.hit').first().waitFor();
    assert.equal(await page.locator('h1').count(), 1, 'one h1');
    assert.equal(await page.locator('.hit h3 a.hit-title').count(), await page.locator('.hit').count(), 'each hit is a heading');
    const names = await page.locator('#pager button').evaluateAll((bs) => bs.map((b) => [b.textContent.trim(), b.getAttribute('aria-label') || b.textContent.trim()]));
    assert.ok(names.length > 2 && names.every(([text, name]) => name.includes(text.replace(/[‹›]/g, '').trim())), `label in name: ${JSON.stringify(names)}`);
    await page.goto(`${exampleOrigin}/intranet.html?tsubo=${encodeURIComponent(tsubo.url.replace(/\/$/, ''))}`);
    const landmarks = await page.locator('tsubo-search').evaluateAll((els) =>
      els.map((el) => el.shadowRoot.querySelector('[role=search]').getAttribute('aria-label')));
    assert.ok(landmarks.length >= 2 && landmarks.every(Boolean) && new Set(landmarks).size === landmarks.length, `named: ${landmarks}`);
    const guidance = page.locator('#guidance-box');
    await guidance.evaluate((el) => el.setAttribute('size', '1'));
    await guidance.locator('input').fill('秘密');
    await guidance.locator('input').press('Enter');
    await guidance.locator('li').first().waitFor();
    const total = Number((await guidance.locator('.status').textContent()).replace(/\D/g, ''));
    const more = guidance.locator('li.more a');
    assert.ok(total > 1, `more than the one shown: ${total}`);
    {
      assert.match(await more.textContent(), new RegExp(`すべての結果（約${total}件）`));
      const href = new URL(await more.getAttribute('href'));
      assert.equal(href.searchParams.get('q'), '秘密');
      assert.equal(href.searchParams.get('type'), 'guidance');
      assert.match(await guidance.locator('.source').first().textContent(), /令和3年4月1日/, 'dates in 和暦');
    }
    const ip = page.locator('#ip-box');
    await ip.locator('input').fill('秘密管理性');
    await ip.locator('input').press('Enter');
    await ip.locator('li').first().waitFor();
    await shot('18-widget-more-and-labels');
  });

  await step('a cited provision opens at its paragraph, marked', async () => {
    await page.goto(`${tsubo.url}doc.html?id=${encodeURIComponent('ruling/99101')}`);
    await page.locator('#citations a', { hasText: '不正競争防止法2条6項' }).click();
    const marked = page.locator('.passage.target .provision-target');
    await marked.waitFor();
    assert.match(await marked.textContent(), /^６\u3000この法律において「営業秘密」とは/, 'paragraph 6, not the article');
    assert.doesNotMatch(await marked.textContent(), /窃取/, 'nothing of paragraph 1');
    assert.match(await page.locator('.passage.target .target-label').textContent(), /引用された箇所（第6項）/);
    const box = await marked.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 860, `in view (y=${box?.y})`);
    await shot('19-citation-at-paragraph');
  });

  await step('axe finds no violation on the search page, the document page and a page with two widgets', async () => {
    await page.goto(`${tsubo.url}?q=${encodeURIComponent('営業秘密')}`);
    await page.locator('.hit').first().waitFor();
    await page.locator('.hit details.why summary').first().click();
    // Grouped cards (the default), one with its other passages open.
    await page.locator('.hit details.more summary').first().click();
    await page.locator('.hit details.more .more-list li').first().waitFor();
    assert.deepEqual(await axeViolations(), [], 'search page');
    await page.locator('.hit-title').first().click();
    await page.locator('.passage.target').waitFor();
    assert.deepEqual(await axeViolations(), [], 'document page');
    await page.goto(`${exampleOrigin}/intranet.html?tsubo=${encodeURIComponent(tsubo.url.replace(/\/$/, ''))}`);
    for (const id of ['#guidance-box', '#ip-box']) {
      const box = page.locator(id);
      await box.locator('input').fill('秘密管理性');
      await box.locator('input').press('Enter');
      await box.locator('li').first().waitFor();
    }
    assert.deepEqual(await axeViolations(), [], 'two widgets');
  });

  await step('a dark-themed widget: every colour and the button text can be set, axe finds no contrast problem', async () => {
    await page.goto(`${exampleOrigin}/intranet.html?tsubo=${encodeURIComponent(tsubo.url.replace(/\/$/, ''))}`);
    await page.evaluate((server) => {
      const el = document.createElement('tsubo-search');
      el.id = 'dark-box';
      el.setAttribute('server', server);
      el.setAttribute('label', '判例を検索（ダーク）');
      el.setAttribute('button-text', '探す');
      el.setAttribute('size', '2');
      el.style.cssText = '--tsubo-bg:#16181d;--tsubo-fg:#e8eaf0;--tsubo-muted:#aab1c2;--tsubo-border:#3a3f4b;' +
        '--tsubo-accent:#8ab4ff;--tsubo-accent-fg:#0b1020;--tsubo-badge-bg:#c9d1e3;--tsubo-badge-fg:#16181d;' +
        '--tsubo-input-bg:#22252c;--tsubo-input-fg:#e8eaf0;--tsubo-mark:#5c4a00;--tsubo-error:#ff9a9a';
      document.querySelector('main').append(el);
    }, tsubo.url.replace(/\/$/, ''));
    const box = page.locator('#dark-box');
    assert.equal(await box.locator('button').textContent(), '探す');
    await box.locator('input').fill('営業秘密');
    await box.locator('input').press('Enter');
    await box.locator('li').first().waitFor();
    assert.deepEqual(await axeViolations(), [], 'dark widget');
    await box.scrollIntoViewIfNeeded();
    await shot('20-widget-dark-theme');
  });

  await step('the intranet page says so in each box when the widget script cannot be loaded', async () => {
    const closed = await new Promise((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    });
    await expectingErrors(async () => {
      await page.goto(`${exampleOrigin}/intranet.html?tsubo=${encodeURIComponent(`http://127.0.0.1:${closed}`)}`);
      await page.locator('#guidance-box .tsubo-fallback.error').waitFor();
      for (const id of ['#guidance-box', '#ip-box'])
        assert.match(await page.locator(`${id} .tsubo-fallback`).textContent(), /検索ボックスを読み込めませんでした.*tsubo-search\.js/);
      await shot('21-widget-script-unreachable');
    });
  });

  await step('⑴–⑹ are drawn by the page\'s own font (Noto Sans CJK JP, fonts-noto-cjk), not as tofu', async () => {
    await page.goto(`${tsubo.url}doc.html?id=${encodeURIComponent('ruling/99102')}`);
    const passage = page.locator('.passage', { hasText: '⑴' }).last();
    await passage.waitFor();
    await passage.evaluate((el) => {
      // The innermost element holding the text: the fonts asked for are those of its own text nodes.
      let at = el;
      for (let inner; (inner = [...at.children].find((c) => c.textContent.includes('⑴')));) at = inner;
      at.dataset.glyphCheck = '1';
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-glyph-check]' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    await cdp.detach();
    const families = fonts.map((f) => f.familyName);
    // Every glyph of the passage, ⑴–⑹ included, from the first font of the page's list that is
    // installed; a font lacking them would add a fallback family (or draw boxes).
    assert.deepEqual([...new Set(families)], ['Noto Sans CJK JP'], `fonts used: ${JSON.stringify(fonts)}`);
    await passage.scrollIntoViewIfNeeded();
    await shot('25-parenthesized-numbers');
  });

  await step('a long statute opens around the article with a folding 目次 of its 章・節', async () => {
    // 試験手続法 (fixture 9102): 150 articles in 3 章 of 2 節 each.
    await page.goto(`${tsubo.url}doc.html?${new URLSearchParams({ id: 'statute/9102', p: 'statute/9102#art75' })}`);
    await page.locator('.passage.target').waitFor();
    const shown = await page.locator('.passage').count();
    assert.ok(shown < 100, `not all 150 articles at once: ${shown}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollHeight) < 40000, 'the page is not the whole law tall');
    const chapters = page.locator('#toc > details > details.division');
    assert.equal(await chapters.count(), 3, 'three 章');
    assert.equal(await page.locator('#toc details.division[open] > summary').allTextContents().then((t) => t.join(' | ')),
      '第二章　手続 | 第一節　申立て', 'open on the way to 第七十五条');
    assert.equal(await page.locator('#toc a[aria-current]').textContent(), '第七十五条 （申立ての第二十五の事項）');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('22-statute-toc');
    // 第百五十条 is outside the passages shown: the 目次 brings it.
    await page.locator('#toc details.division > summary', { hasText: '第三章' }).click();
    await page.locator('#toc details.division > summary', { hasText: '第二節　期間' }).click();
    await page.locator('#toc a', { hasText: '第百五十条' }).click();
    const last = page.locator('.passage[id="statute/9102#art150"]');
    await last.waitFor();
    const box = await last.boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 860, `第百五十条 in view (y=${box?.y})`);
    await page.locator('.show-more[data-dir="-1"]').first().waitFor();
  });

  await step('a phone-sized screen still reads well', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${tsubo.url}?q=${encodeURIComponent('営業秘密')}`);
    await page.locator('.hit').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(overflow, false, 'no sideways scrolling');
    // Results first: the first hit's title is on the screen, the filters wait behind their button.
    const first = await page.locator('.hit-title').first().boundingBox();
    assert.ok(first && first.y + first.height < 844, `the first hit is on screen (y=${first?.y})`);
    assert.equal(await page.locator('#facets').isVisible(), false, 'filters folded');
    await shot('08-phone');
    await page.click('#filters-toggle');
    await page.locator('.facet-value').first().waitFor();
    assert.equal(await page.locator('#filters-toggle').getAttribute('aria-expanded'), 'true');
    const clipped = await page.locator('.facet-value .count').evaluateAll((els) =>
      els.filter((e) => e.getBoundingClientRect().right > window.innerWidth).length);
    assert.equal(clipped, 0, 'no facet count clipped');
    await page.locator('.facet-value[data-facet=type]').first().click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('type'));
    await page.waitForFunction(() => /指定中/.test(document.querySelector('#filters-toggle').textContent));
    await shot('08b-phone-filters');
  });

  assert.deepEqual(problems, [], 'no page errors or console errors (CSP violations show up here)');
  console.log('web tests passed');
} catch (e) {
  failed = true;
  console.error(`FAILED: ${e.stack || e}`);
  if (problems.length) console.error(problems.join('\n'));
  if (page) await page.screenshot({ path: path.join(artifacts, 'failure.png') }).catch(() => {});
} finally {
  await context.close();
  tsubo.child.kill('SIGTERM');
  examples.close();
}
process.exit(failed ? 1 : 0);
