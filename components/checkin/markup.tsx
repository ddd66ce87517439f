// Draws markup written as data (outlet-markup.ts) through Preact, so the app renders exactly what the
// head script draws into the DOM from the same data (first-outlet.ts). `props` adds what only the live
// app has to an element: which radio is checked, a handler.
import { h, type VNode } from 'preact';
import { i18n } from '../shared/words';
import type { Markup, Words } from './outlet-markup';

export type ExtraProps = (node: Markup) => Record<string, unknown> | undefined;

export function fromMarkup(node: Markup, props?: ExtraProps): VNode {
  return h(
    node.tag,
    { ...node.attrs, ...props?.(node) },
    ...node.children.map((child) => (typeof child === 'string' ? child : fromMarkup(child, props))),
  );
}

/** The app's words for the markup: the same messages the head script reads (platform/first-words.ts). */
export const appWords: Words = (key, substitutions) => i18n.dynamic(key, substitutions);

/**
 * What the live app adds to the strength's radios (1 faint … 5 very strong, optional): which one is
 * checked, and what choosing one does. Native radios: one Tab stop, arrow keys inside, and focus
 * stays in the group while the suggestion is fitted to it.
 */
export function strengthProps(value: number | undefined, onChange: (intensity: number) => void): ExtraProps {
  return (node) => {
    if (node.tag !== 'input' || node.attrs.name !== 'intensity') return undefined;
    const level = Number(node.attrs.value);
    return { checked: value === level, onChange: () => onChange(level) };
  };
}
