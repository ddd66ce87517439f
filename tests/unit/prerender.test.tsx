import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { feelingListHtml, firstScreenHtml, loadMessages } from '../../build/prerender-popup';
import { FeelingPicker } from '../../components/checkin/FeelingPicker';
import { FEELINGS } from '../../core/feelings';

afterEach(cleanup);

// Attribute order and empty class attributes may differ; the structure and words must not.
const normalise = (html: string) => {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  return [...parsed.querySelectorAll('li')].map((li) => {
    const button = li.querySelector('button');
    return [li.className, button?.className, button?.dataset.feeling, button?.textContent].join('|');
  });
};

describe('the prerendered first screen', () => {
  const messages = loadMessages('locales/en.yml');

  it('shows the same feeling buttons as the live check-in', () => {
    const { container } = render(<FeelingPicker onPick={() => undefined} />);
    expect(normalise(feelingListHtml(messages))).toEqual(normalise(container.innerHTML));
  });

  it('asks the question and offers every feeling, in words', () => {
    const html = firstScreenHtml(messages);
    expect(html).toContain('How are you right now?');
    for (const feeling of FEELINGS) expect(html).toContain(`data-feeling="${feeling.id}"`);
    expect(html).toContain('I can&#39;t tell'.replace('&#39;', "'"));
  });
});
