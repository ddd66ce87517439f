// The check-in outlives the popup (issue 16): it is recorded when it ends, never because a feeling was
// picked and left; and a popup opened again comes back to where the person was: the walk under way,
// "How was that?" once it is over.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  anotherIdeaUntil,
  checkIns,
  endWalkNow,
  eventually,
  extensionSuite,
  openPopup,
  patchSettings,
  shoot,
  startWalk,
} from './outlet.mjs';

/** The popup as it opens again, at its real size, once the app has drawn its step. */
const reopenPopup = (ext) => openPopup(ext, { resumed: true });

/** Text of the page's first heading. */
const firstHeading = async (page) => (await page.locator('h1').first().textContent()).trim();

/** How tall the page is, against the popup's 600 px. */
const pageHeight = (page) => page.evaluate(() => document.documentElement.scrollHeight);

describe('a check-in that outlives the popup', () => {
  // Each test starts with no check-in under way (closing the popup keeps it, on purpose).
  const ext = extensionSuite();

  it('Sad, "Back to feelings", Calm, Done: one check-in, Calm, done', async () => {
    const page = await openPopup(ext);
    await page.locator('button[data-feeling="sad"]').click();
    await page.getByRole('button', { name: 'Back to feelings' }).click();
    await page.getByRole('heading', { name: 'How are you right now?' }).waitFor();
    await page.locator('button[data-feeling="calm"]').click();
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await page.getByRole('heading', { name: 'Thanks for taking a moment for yourself.' }).waitFor();
    const list = await eventually(
      () => checkIns(ext),
      (l) => l.length > 0,
      { what: 'the check-in stored' },
    );
    // Give a second save (the Sad one, had it been recorded) time to land before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(
      (await checkIns(ext)).map((c) => [c.feeling, c.outcome]),
      [['calm', 'done']],
      `one check-in only, got ${JSON.stringify(list)}`,
    );
    await page.close();
  });

  it('a line typed before "Back to feelings" is offered in the next step and kept with it', async () => {
    await patchSettings(ext, { families: ['journaling'] });
    const page = await openPopup(ext);
    await page.locator('button[data-feeling="sad"]').click();
    const journal = page.getByRole('textbox');
    await journal.waitFor();
    await journal.fill('Words I wrote before changing my mind.');
    await page.getByRole('button', { name: 'Back to feelings' }).click();
    await page.locator('button[data-feeling="calm"]').click();
    assert.equal(await page.getByRole('textbox').inputValue(), 'Words I wrote before changing my mind.');
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    const [entry] = await eventually(
      () => checkIns(ext),
      (l) => l.length === 1 && l[0].journal !== undefined,
      { what: 'one check-in with the line' },
    );
    assert.equal(entry.feeling, 'calm');
    assert.equal(entry.journal, 'Words I wrote before changing my mind.');
    await page.close();
  });

  it('reopened mid-walk, the popup shows the walk first, and it fits', async () => {
    const { page, title } = await startWalk(ext);
    await page.close();

    const again = await reopenPopup(ext);
    await again.getByRole('button', { name: 'Stop early' }).waitFor();
    assert.equal(await firstHeading(again), title, 'the walk is the first thing said');
    assert.equal(await again.locator('button[data-feeling]').count(), 0, 'no feelings above or below it');
    assert.ok((await pageHeight(again)) <= 600, `fits the popup (${await pageHeight(again)} px)`);
    assert.deepEqual(await checkIns(ext), [], 'nothing recorded while the walk is under way');
    await shoot(again, 'popup-reopened-mid-walk');
    await again.close();
  });

  it('reopened mid-walk, the feelings are never drawn, not even at first paint', async () => {
    const { page } = await startWalk(ext);
    await page.close();

    const again = await ext.context.newPage();
    await again.addInitScript(() => {
      // Notes any feeling button ever put on the page, from the head script's first screen on.
      window.__feelingsSeen = 0;
      new MutationObserver(() => {
        window.__feelingsSeen += document.querySelectorAll('button[data-feeling]').length;
      }).observe(document, { childList: true, subtree: true });
    });
    await again.setViewportSize({ width: 360, height: 600 });
    await again.goto(`${ext.origin}popup.html`);
    await again.getByRole('button', { name: 'Stop early' }).waitFor();
    assert.equal(await again.evaluate(() => window.__feelingsSeen), 0, 'no feelings glimpsed');
    await again.close();
  });

  it('a feeling clicked at first paint after a check-in ended counts', async () => {
    const { page } = await startWalk(ext);
    await page.getByRole('button', { name: 'Stop early' }).click();
    await page.getByRole('button', { name: 'Lighter' }).click();
    await page.getByRole('button', { name: 'Check in again' }).waitFor();
    await page.close();

    const again = await ext.context.newPage();
    await again.addInitScript(() => {
      const frame = () => {
        const calm = document.querySelector('button[data-feeling="calm"]');
        if (calm && calm.getClientRects().length > 0) calm.click();
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await again.setViewportSize({ width: 360, height: 600 });
    await again.goto(`${ext.origin}popup.html`, { waitUntil: 'commit' });
    await again.getByText('Your answer: Calm').waitFor();
    await again.getByRole('button', { name: 'Another idea' }).waitFor();
    await eventually(
      () => ext.getStorage(),
      (all) => all.checkinFlow?.step?.entry?.feeling === 'calm',
      { what: 'the new check-in under way' },
    );
    await again.close();
  });

  it('after the walk ends (its notification shown), the reopened popup asks "And now?" first', async () => {
    const { page } = await startWalk(ext);
    await page.close();

    await endWalkNow(ext);
    await eventually(
      () => ext.getNotifications(),
      (n) => Object.keys(n).length > 0,
      { what: '"time\'s up" shown' },
    );
    const again = await reopenPopup(ext);
    await again.getByRole('button', { name: 'Lighter' }).waitFor();
    assert.equal(await firstHeading(again), 'And now?');
    assert.equal(await again.locator('button[data-feeling]').count(), 0, 'the feelings wait');
    assert.ok((await pageHeight(again)) <= 600, `fits the popup (${await pageHeight(again)} px)`);
    await shoot(again, 'popup-reopened-after-walk');
    const [walked] = await eventually(
      () => checkIns(ext),
      (l) => l.length === 1,
      { what: 'the walk recorded once it was over' },
    );
    assert.equal(walked.outcome, 'done');

    await again.getByRole('button', { name: 'Lighter' }).click();
    const [answered] = await eventually(
      () => checkIns(ext),
      (l) => l.length === 1 && l[0].after === 'lighter',
      { what: 'the answer stored with the walk' },
    );
    assert.equal(answered.id, walked.id, 'on the same check-in');
    assert.equal(typeof answered.afterAt, 'number');
    assert.equal(answered.helped, undefined, '"did it help?" not asked as well');
    await again.getByRole('button', { name: 'Check in again' }).waitFor();
    await again.close();

    // Asked and answered: the next open starts afresh, and asks nothing more about the walk.
    const next = await reopenPopup(ext);
    await next.getByRole('heading', { name: 'How are you right now?' }).waitFor();
    await next.locator('.support-link').waitFor();
    assert.equal(await next.getByRole('button', { name: 'Lighter' }).count(), 0, '"And now?" asked once');
    assert.equal(await next.getByText(/Did it help\?/).count(), 0, 'nor "did it help?"');
    await next.close();
  });

  it('"And now?" at the next open after an outlet done, below the feelings; skipped, never again', async () => {
    await patchSettings(ext, { families: ['journaling'] });
    const page = await openPopup(ext);
    await page.locator('button[data-feeling="sad"]').click();
    const journal = page.getByRole('textbox');
    await anotherIdeaUntil(page, journal);
    await journal.fill('A heavy morning.');
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await page.getByRole('button', { name: 'Check in again' }).waitFor();
    await page.close();

    const again = await reopenPopup(ext);
    await again.getByText(/: and now\?$/).waitFor();
    // Never in the way: the feelings are there, a tap away, and come first for the keyboard.
    assert.equal(await firstHeading(again), 'How are you right now?');
    assert.ok((await pageHeight(again)) <= 600, `fits the popup (${await pageHeight(again)} px)`);
    await shoot(again, 'popup-and-now-next-open');
    await again.getByRole('button', { name: 'Skip' }).click();
    const [skipped] = await eventually(
      () => checkIns(ext),
      (l) => l.length === 1 && typeof l[0].afterAt === 'number',
      { what: 'the skip kept' },
    );
    assert.equal(skipped.after, undefined);
    await again.close();
    const third = await reopenPopup(ext);
    await third.locator('.support-link').waitFor();
    await third.waitForTimeout(300);
    assert.equal(await third.getByText(/and now\?$|Did it help\?/).count(), 0, 'asked once');
    await third.close();
  });

  it('never talks to the network and throws no errors', () => {
    assert.deepEqual(ext.externalRequests(), []);
    assert.deepEqual(
      ext.errors.filter((e) => e.kind === 'uncaught'),
      [],
    );
  });
});
