import { chromium } from 'playwright-core';

const b = await chromium.connectOverCDP('http://127.0.0.1:9334');
for (const c of b.contexts())
  for (const p of c.pages())
    console.log(
      p.url(),
      '|',
      await p.title(),
      '|',
      await p.evaluate(() => document.body?.innerText.slice(0, 100)).catch((e) => 'ERR ' + e.message),
    );
