// Renders the app icons for the web app manifest from public/favicon.svg
// with the Debian Chromium (playwright-core; never downloads a browser):
//
//   public/icon-192.png, public/icon-512.png                  purpose "any"
//   public/icon-maskable-192.png, public/icon-maskable-512.png purpose "maskable"
//
// The maskable icons are the same picture drawn full-bleed (square, no
// rounded corners): the document glyph already lies inside the central
// circle of radius 40% that every mask shape keeps (the "safe zone").
// The PNGs are committed; run this again only after changing the SVG, then
// make them smaller without changing a pixel (oxipng is lossless; at stop
// 29 it took the four from 12,043 to 5,121 B, and icon-192.png, which the
// first load counts, from 2,246 to 1,210 B):
//
//   node .ci/icons.mjs
//   cargo install oxipng && oxipng -o max --strip safe -Z public/icon-*.png

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pub = path.join(root, 'public');
const svg = readFileSync(path.join(pub, 'favicon.svg'), 'utf8');
// Full-bleed for masks: drop the corner radius of the background square.
const maskable = svg.replace(/(<rect width="64" height="64") rx="12"/, '$1');
if (maskable === svg) throw new Error('favicon.svg changed shape: update the maskable rewrite in .ci/icons.mjs');

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  for (const size of [192, 512]) {
    for (const [name, source] of [
      [`icon-${size}.png`, svg],
      [`icon-maskable-${size}.png`, maskable],
    ]) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const data = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style><img src="${data}">`,
      );
      await page.locator('img').evaluate((img) => img.decode());
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      writeFileSync(path.join(pub, name), png);
      console.log(`public/${name}: ${png.length} bytes`);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
