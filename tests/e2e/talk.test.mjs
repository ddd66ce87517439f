// A talking outlet on a computer (issue 8): a ready message goes onto the clipboard with one click,
// call and text links wait behind "Call or text from this computer", and the support page says why
// letting feelings out can be hard. Screenshots of both, light and dark.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALWAYS_ON_HOURS, anotherIdeaUntil, extensionSuite, openPopup, shoot } from './outlet.mjs';

describe('talking, on a desktop', () => {
  const ext = extensionSuite({
    once: true,
    settings: {
      hours: ALWAYS_ON_HOURS,
      families: ['talking'],
      trustedPeople: [{ id: 'e2e-sam', name: 'Sam', phone: '+44 20 7946 0000', email: 'sam@example.org' }],
    },
    storage: { context: { canStepAway: true, alone: false, minutes: 5 } },
  });

  it('"Send someone a voice note" offers a message that one click puts on the clipboard', async () => {
    // Reading the clipboard back needs clipboard-read; writing is what the page does on a click.
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await openPopup(ext);
    await page.locator('button[data-feeling="lonely"]').click();
    await anotherIdeaUntil(page, page.getByRole('heading', { name: 'Send someone a voice note' }));
    await page.getByText('Reach out to Sam').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Call' }).count(), 0, 'no tel: link on a desktop');
    assert.equal(
      await page.getByRole('link', { name: 'Email' }).getAttribute('href'),
      'mailto:sam@example.org',
    );

    // One click: the message is on the clipboard, and shown with what was done.
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    await page.getByRole('button', { name: 'Copy a ready message' }).click();
    await page.getByText('Copied. Paste it wherever you usually write to Sam.').waitFor();
    const shown = (await page.locator('.ready-text').textContent()).trim();
    assert.match(shown, /Sam/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown);
    await shoot(page, '20-talk-voice-note');
    // Other words, then "Copy message": those words replace the first ones.
    await page.getByRole('button', { name: 'Other words' }).click();
    const other = (await page.locator('.ready-text').textContent()).trim();
    assert.notEqual(other, shown);
    await page.getByRole('button', { name: 'Copy message', exact: true }).click();
    await page.getByText('Copied. Paste it wherever you usually write to Sam.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), other);

    await page.getByRole('button', { name: 'Call or text from this computer' }).click();
    assert.equal(await page.getByRole('link', { name: 'Call' }).getAttribute('href'), 'tel:+442079460000');
    await page.close();
  });

  it('the support page says why letting feelings out can be hard, in whole sentences', async () => {
    const page = await ext.openPage('support.html');
    await page.setViewportSize({ width: 800, height: 1000 });
    await page.getByRole('heading', { name: 'Why it can be hard to let feelings out' }).waitFor();
    const signs = await page
      .getByRole('region', { name: 'When talking to a professional may help' })
      .getByRole('listitem')
      .allTextContents();
    assert.equal(signs.length, 4);
    for (const sign of signs) assert.match(sign.trim(), /^[A-Z].*\.$/, `a whole sentence: ${sign}`);
    await shoot(page, '21-support-page');
    await page.close();
  });

  it('throws no errors', () => {
    assert.deepEqual(
      ext.errors.filter((e) => e.kind === 'uncaught'),
      [],
    );
  });
});
