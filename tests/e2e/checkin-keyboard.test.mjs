// A whole check-in by keyboard alone: Tab to the feelings (one Tab stop), arrow keys among them,
// Enter; focus on each new step's heading; a strength chosen by arrow keys keeps focus in its group;
// Escape goes back a step and closes the pause menu; "Check in again" lands on the question.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ALWAYS_ON_HOURS,
  checkIns,
  eventually,
  extensionSuite,
  openPopup,
  patchSettings,
} from './outlet.mjs';

const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName,
      id: el?.id,
      feeling: el?.getAttribute('data-feeling'),
      text: el?.textContent?.trim(),
      group: el?.closest('fieldset')?.querySelector('legend')?.textContent,
    };
  });

async function tabUntil(page, accept, what, max = 25) {
  for (let i = 0; i < max; i++) {
    if (accept(await focused(page))) return i;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${what} is not reachable by Tab`);
}

describe('the check-in by keyboard alone', () => {
  const ext = extensionSuite({
    settings: { hours: ALWAYS_ON_HOURS, families: ['creative', 'body', 'movement'] },
    storage: { context: { canStepAway: true, alone: false, minutes: 5 } },
  });

  it('context first, the feelings as one Tab stop with arrow keys, Enter, focus on each heading, Escape', async () => {
    const page = await openPopup(ext);
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'context-summary', 'first: where you are');
    // The summary opens with Enter and closes with Escape, back on itself.
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: "I'm alone" }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: "I'm alone" }).waitFor({ state: 'hidden' });
    assert.equal((await focused(page)).id, 'context-summary', 'Escape closes it, back on the line');

    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).feeling, 'calm', 'then the feelings');
    await page.keyboard.press('ArrowRight');
    assert.equal((await focused(page)).feeling, 'content', 'ArrowRight: the next feeling');
    await page.keyboard.press('ArrowDown');
    const below = (await focused(page)).feeling;
    assert.ok(below && below !== 'content', `ArrowDown: the feeling below (${below})`);
    await page.keyboard.press('ArrowUp');
    assert.equal((await focused(page)).feeling, 'content', 'ArrowUp: back up');
    await page.keyboard.press('End');
    assert.equal((await focused(page)).feeling, 'cant-tell', 'End: the last one');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal((await focused(page)).feeling, 'grateful');
    // One Tab stop: Tab leaves the feelings at once.
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).feeling ?? null, null, 'Tab leaves the group');
    await page.keyboard.press('Shift+Tab');
    assert.equal((await focused(page)).feeling, 'grateful', 'Shift+Tab comes back to the same feeling');

    await page.keyboard.press('Enter');
    await page.getByText('Your answer: Grateful').waitFor();
    let now = await focused(page);
    assert.equal(now.tag, 'H1', 'focus on the outlet heading');
    assert.equal(now.id, 'outlet-title');

    // Strength: Tab from the heading reaches it (it sits right after the suggestion; issue 16),
    // arrows choose, focus stays.
    await page.keyboard.press('Tab');
    now = await focused(page);
    assert.match(now.group ?? '', /How strong/, 'Tab from the heading reaches the strength choices');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    now = await focused(page);
    assert.match(now.group ?? '', /How strong/, 'choosing a strength keeps focus in its group');
    const strength = await page.evaluate(() =>
      [...document.querySelectorAll('input[name="intensity"]')].findIndex((r) => r.checked),
    );
    assert.ok(strength >= 0, 'the arrow keys chose a strength');
    // Kept with the check-in under way (it is recorded when it ends).
    await eventually(
      () => ext.getStorage(),
      (all) => all.checkinFlow?.step?.entry?.intensity === strength + 1,
      { what: 'the strength kept with the check-in under way' },
    );

    // "Another idea" keeps focus on itself.
    await tabUntil(page, (f) => f.text === 'Another idea', '"Another idea"');
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).text, 'Another idea', '"Another idea" keeps focus');

    // Escape: back to the feelings, focus on the question.
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'How are you right now?' }).waitFor();
    now = await focused(page);
    assert.equal(now.id, 'feelings-title', 'Escape goes back, focus on the question');

    // The pause menu: opens onto its first choice; Escape closes it and stays on this step.
    await tabUntil(page, (f) => f.text === 'Pause…', '"Pause…"');
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).text, 'Pause for 30 minutes', 'focus in the menu');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Pause for 30 minutes' }).waitFor({ state: 'hidden' });
    assert.equal((await focused(page)).text, 'Pause…', 'Escape closes the menu, back on its button');
    await page.getByRole('heading', { name: 'How are you right now?' }).waitFor();

    // Through to the end: a feeling, Done, thanks, "Check in again".
    await tabUntil(page, (f) => Boolean(f.feeling), 'the feelings');
    await page.keyboard.press('Enter');
    await page.locator('#outlet-title').waitFor();
    await tabUntil(page, (f) => f.text === 'Done', '"Done"');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Thanks for taking a moment for yourself.' }).waitFor();
    assert.equal((await focused(page)).id, 'thanks-title', 'focus on the thanks');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, 'Check in again');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'How are you right now?' }).waitFor();
    assert.equal((await focused(page)).id, 'feelings-title', 'focus on the question after "Check in again"');

    const list = await eventually(
      () => checkIns(ext),
      (l) => l.some((c) => c.outcome === 'done'),
      { what: 'the check-in done' },
    );
    // Escape from "Grateful" recorded nothing (issue 16): the one check-in is the one done.
    assert.deepEqual(
      list.map((c) => c.outcome),
      ['done'],
      `one check-in: ${JSON.stringify(list.map((c) => [c.feeling, c.outcome]))}`,
    );
    await page.close();
  });

  it('"Back to feelings", then a breath: Escape from the breath goes back to its outlet', async () => {
    await patchSettings(ext, { families: ['body'] });
    const page = await openPopup(ext);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    assert.equal((await focused(page)).feeling, 'numb');
    await page.keyboard.press('Enter');
    await page.getByText('Your answer: Numb').waitFor();
    assert.equal(await page.getByText('How strong is it?').count(), 0, 'no strength asked for numb');
    await tabUntil(page, (f) => f.text === 'Back to feelings', '"Back to feelings"');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'How are you right now?' }).waitFor();
    assert.equal(
      (await focused(page)).id,
      'feelings-title',
      'focus on the question after "Back to feelings"',
    );

    // A breath, by keyboard: its heading takes focus, and Escape goes back to its outlet's.
    await tabUntil(page, (f) => f.feeling !== null && f.feeling !== undefined, 'the feelings');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.locator('#outlet-title').waitFor();
    for (let i = 0; i < 40; i++) {
      if ((await page.getByRole('button', { name: 'Start one minute of slow breathing' }).count()) > 0) break;
      await tabUntil(page, (f) => f.text === 'Another idea', '"Another idea"');
      await page.keyboard.press('Enter');
    }
    await tabUntil(page, (f) => f.text === 'Start one minute of slow breathing', 'the breath');
    await page.keyboard.press('Enter');
    await page.locator('#breath-title').waitFor();
    assert.equal((await focused(page)).id, 'breath-title', 'focus on the breath heading');
    await page.keyboard.press('Escape');
    await page.locator('#outlet-title').waitFor();
    assert.equal((await focused(page)).id, 'outlet-title', 'Escape from the breath: its outlet heading');
    await page.close();
  });

  it('a walk by keyboard: focus on the countdown heading, then on "did it help?" once stopped', async () => {
    await patchSettings(ext, { families: ['movement'] });
    await ext.setStorage({ context: { canStepAway: true, alone: false, minutes: 15 } });
    const page = await openPopup(ext);
    await tabUntil(page, (f) => f.feeling === 'calm', 'the feelings');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('#outlet-title').waitFor();
    const startWalk = page.getByRole('button', { name: /^Start a \d+-minute (walk|move)/ });
    for (let i = 0; i < 40 && (await startWalk.count()) === 0; i++) {
      await tabUntil(page, (f) => f.text === 'Another idea', '"Another idea"');
      await page.keyboard.press('Enter');
    }
    await tabUntil(page, (f) => /^Start a \d+-minute (walk|move)/.test(f.text ?? ''), 'the walk');
    await page.keyboard.press('Enter');
    await page.locator('#timer-title').waitFor();
    assert.equal((await focused(page)).id, 'timer-title', 'focus on the countdown heading');
    await tabUntil(page, (f) => f.text === 'Stop early', '"Stop early"');
    await page.keyboard.press('Enter');
    await page.locator('#helped-step-title').waitFor();
    assert.equal((await focused(page)).id, 'helped-step-title', 'focus on "did it help?"');
    await page.close();
  });
});
