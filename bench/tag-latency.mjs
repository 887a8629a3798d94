// Tag latency on a 1 MB article, in headless Chromium against the release build in dist/.
//
// Builds a ~1 MB article from the seed paragraphs, adds it through the page's own file
// input, then tags 100 claims by keyboard (c and d alternately, j between them) and
// measures, for each tag, the time from the key event to (a) the claim's data-verdict
// attribute changing in the DOM and (b) the end of the frame that shows the change. Prints median
// and worst of both. Also prints how long the article took to analyse and show.
//
// Usage: node bench/tag-latency.mjs [dist] [bytes]
import { chromium } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { chromiumArgs, executablePath } from '../e2e/chromium.mjs';

const dist = process.argv[2] ?? 'dist';
const target = Number(process.argv[3] ?? 1_000_000);
const port = 4190;

// Paragraphs of the seeds (lines of 12+ words), numbered so that every sentence is new.
const paragraphs = readdirSync('seeds')
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(`seeds/${f}`, 'utf8').split('\n'))
  .filter((l) => l.split(/\s+/).length >= 12);
const parts = ['A long report for measuring tag latency'];
let size = parts[0].length;
for (let i = 0; size < target; i++) {
  const p = `${paragraphs[i % paragraphs.length]} (Part ${i + 1}.)`;
  parts.push(p);
  size += Buffer.byteLength(p) + 2;
}
const article = parts.join('\n\n');

const server = spawn('node', ['e2e/serve.mjs', dist, String(port)], { stdio: 'ignore' });
const stop = () => server.kill();
process.on('exit', stop);
await new Promise((r) => setTimeout(r, 400));

const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
await page.goto(`http://127.0.0.1:${port}/`);
await page.locator('button.article-entry').first().waitFor();

const started = Date.now();
await page.getByRole('button', { name: '+ Add articles' }).click();
await page.locator('.add-dialog input[type=file]').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(article) });
await page.getByRole('heading', { level: 1, name: parts[0] }).waitFor({ timeout: 300_000 });
const claimCount = await page.locator('main [data-claim-id]').count();
const shown = Date.now() - started;

await page.locator('main [data-claim-index="0"]').click();
// Real (trusted) key presses from Playwright; the page records, for each c or d, the
// time from the event's own time stamp to the verdict changing in the DOM, and to the end
// of the frame that shows it (a message posted from the next animation frame is handled
// after that frame's style, layout and paint).
await page.evaluate(() => {
  window.__latency = [];
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'c' && e.key !== 'd') return;
    const t0 = e.timeStamp;
    const obs = new MutationObserver(() => {
      obs.disconnect();
      const t1 = performance.now();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => window.__latency.push({ dom: t1 - t0, frame: performance.now() - t0 });
        ch.port2.postMessage(0);
      });
    });
    obs.observe(document.querySelector('main'), { attributes: true, subtree: true, attributeFilter: ['data-verdict'] });
  }, true);
});
const result = { dom: [], painted: [] };
for (let i = 0; i < 100; i++) {
  const want = i % 2 ? 'disputed' : 'confirmed';
  await page.keyboard.press(want === 'confirmed' ? 'c' : 'd');
  await page.waitForFunction((n) => window.__latency.length === n, i + 1);
  const verdict = await page.locator(`main [data-claim-index="${i}"]`).getAttribute('data-verdict');
  if (verdict !== want) throw new Error(`claim ${i} is ${verdict}, not ${want}`);
  await page.keyboard.press('j');
  await page.waitForFunction((n) => document.activeElement?.getAttribute('data-claim-index') === String(n), i + 1);
}
for (const { dom, frame } of await page.evaluate(() => window.__latency)) {
  result.dom.push(dom);
  result.painted.push(frame);
}

// For scale: the same page showing a change the browser alone makes (one claim's
// background, set directly, no app code, on screen): what any visible change costs here.
const browserOnly = await page.evaluate(async () => {
  const el = document.querySelector('main [data-claim-index="100"]'); // on screen: the focus ended here
  const out = [];
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 20));
    const t0 = performance.now();
    el.style.backgroundColor = i % 2 ? '#fde' : '#dfe';
    await new Promise((r) => requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = r; ch.port2.postMessage(0); }));
    out.push(performance.now() - t0);
  }
  el.style.backgroundColor = '';
  return out;
});
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], worst: s[s.length - 1] };
};
const d = stats(result.dom);
const p = stats(result.painted);
const kb = (Buffer.byteLength(article) / 1e6).toFixed(2);
console.log(`tag latency: article ${kb} MB, ${claimCount} claims; added and shown in ${(shown / 1000).toFixed(1)} s`);
console.log(`tag latency: 100 tags, key to DOM updated: median ${d.median.toFixed(1)} ms, worst ${d.worst.toFixed(1)} ms`);
const b = stats(browserOnly);
console.log(`tag latency: for scale, a style change made directly (no app code) to frame shown: median ${b.median.toFixed(1)} ms, worst ${b.worst.toFixed(1)} ms`);
console.log(`tag latency: 100 tags, key to frame shown: median ${p.median.toFixed(1)} ms, worst ${p.worst.toFixed(1)} ms`);
await browser.close();
stop();
