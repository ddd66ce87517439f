// The words components show, given by each page's entry (entrypoints/*: `giveWords(i18n)` before
// anything renders; tests/unit/setup.ts gives them for every test). Components say
// `i18n.t('options.title')` as before, without reaching the browser themselves: page wiring, the
// browser's messages included, lives in entrypoints/ (issue 16, item 10).
//
// A module-level seam rather than a Preact context: the words are read by plain functions too
// (copy.ts, words.ts, exportLabels), outside any component tree, and they are the same for the
// whole page for its whole life.
import type { Words } from '../../core/words';

let given: Words | null = null;

/** The page's words, once, before it renders. */
export function giveWords(words: Words): void {
  given = words;
}

function words(): Words {
  if (!given)
    throw new Error('Outlet: no words given; the page entry calls giveWords(i18n) before rendering.');
  return given;
}

/** The given words, by the same name and shape as platform/i18n.ts's, so call sites read the same. */
export const i18n: Words = {
  t: ((...args: Parameters<Words['t']>) => words().t(...args)) as Words['t'],
  plural: ((...args: Parameters<Words['plural']>) => words().plural(...args)) as Words['plural'],
  dynamic: (...args) => words().dynamic(...args),
  date: (...args) => words().date(...args),
  time: (...args) => words().time(...args),
  list: (...args) => words().list(...args),
  number: (...args) => words().number(...args),
  clock: () => words().clock(),
};
