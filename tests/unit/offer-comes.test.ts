// How a due nudge comes (core/offer.ts howNudgeComes): the one decision step()'s alarm makes between
// the notification at once, the notification at the next natural pause, and the toolbar icon alone.
// Every mode against every mix of the three things that bear on it.
import { describe, expect, it } from 'vitest';
import { type DueNudge, howNudgeComes, type NudgeArrival } from '../../core/offer';
import type { NudgeMode } from '../../core/schema';

const due = (patch: Partial<DueNudge> = {}): DueNudge => ({
  afterCall: false,
  chosenMoment: false,
  fixedTime: false,
  ...patch,
});

describe('howNudgeComes', () => {
  it.each<[string, NudgeMode, Partial<DueNudge>, NudgeArrival]>([
    // Right away: always the notification when it is due.
    ['at once, a plain nudge', 'at-once', {}, 'now'],
    ['at once, after a call', 'at-once', { afterCall: true }, 'now'],
    ['at once, a moment chosen', 'at-once', { chosenMoment: true }, 'now'],
    ['at once, a fixed time', 'at-once', { fixedTime: true }, 'now'],
    // At a good moment: a plain nudge waits for a pause; a call's end, a moment the person chose
    // (put off or brought back to it) and a fixed time are that pause.
    ['offer, a plain nudge', 'offer', {}, 'at-pause'],
    ['offer, after a call', 'offer', { afterCall: true }, 'now'],
    ['offer, a moment chosen', 'offer', { chosenMoment: true }, 'now'],
    ['offer, a fixed time', 'offer', { fixedTime: true }, 'now'],
    ['offer, a fixed time after a call', 'offer', { fixedTime: true, afterCall: true }, 'now'],
    ['offer, all three', 'offer', { afterCall: true, chosenMoment: true, fixedTime: true }, 'now'],
    // Quietly, on the icon: never pops up, whatever the nudge.
    ['quiet, a plain nudge', 'quiet', {}, 'on-icon'],
    ['quiet, after a call', 'quiet', { afterCall: true }, 'on-icon'],
    ['quiet, a moment chosen', 'quiet', { chosenMoment: true }, 'on-icon'],
    ['quiet, a fixed time', 'quiet', { fixedTime: true }, 'on-icon'],
    ['quiet, all three', 'quiet', { afterCall: true, chosenMoment: true, fixedTime: true }, 'on-icon'],
  ])('%s', (_name, mode, patch, expected) => {
    expect(howNudgeComes(mode, due(patch))).toBe(expected);
  });
});
