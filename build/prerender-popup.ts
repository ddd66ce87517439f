// Writes the check-in's first screen (the question and the feeling buttons) straight into
// popup.html and checkin.html at build time, so the feelings show at first paint instead of after
// the scripts load (about 50 ms later on a fast machine). The app then renders over it.
// tests/unit/prerender.test.tsx checks that this markup matches what FeelingsStep renders; a tiny
// script (entrypoints/first-screen.ts) keeps it live until the app takes over.
import { readFileSync } from 'node:fs';
import { parseYAML } from 'confbox';
import type { Plugin } from 'vite';
import { feelingCopyKey } from '../core/copy-keys';
import { FEELINGS } from '../core/feelings';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Locale messages flattened to dotted keys, as the app looks them up (`feeling.calm`). */
export function loadMessages(file: string): Record<string, string> {
  const flat: Record<string, string> = {};
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) walk(value, prefix ? `${prefix}.${key}` : key);
    } else {
      flat[prefix] = String(node);
    }
  };
  walk(parseYAML(readFileSync(file, 'utf8')), '');
  return flat;
}

/** The feeling buttons exactly as components/checkin/FeelingPicker.tsx renders them: one Tab stop. */
export function feelingListHtml(messages: Record<string, string>): string {
  const items = FEELINGS.map(
    (feeling, i) =>
      `<li class="${feeling.valence === 'unclear' ? 'unclear-item' : ''}"><button type="button" class="feeling ${feeling.valence} ${feeling.energy}" data-feeling="${feeling.id}" tabindex="${i === 0 ? 0 : -1}">${escapeHtml(messages[`feeling.${feelingCopyKey(feeling.id)}`] ?? feeling.id)}</button></li>`,
  ).join('');
  return `<ul class="feelings" aria-label="${escapeHtml(messages['checkin.feelingsLabel'] ?? '')}">${items}</ul>`;
}

/** The context line as components/checkin/ContextPicker.tsx renders it before the context is read. */
export function contextSummaryHtml(messages: Record<string, string>): string {
  return (
    '<div class="context"><button type="button" id="context-summary" class="context-summary" aria-expanded="false" aria-controls="context-choices">' +
    `${escapeHtml(messages['checkin.contextLegend'] ?? '')}</button></div>`
  );
}

/** The first screen as components/checkin/FeelingsStep.tsx renders it (tests/unit/prerender.test.tsx). */
export function firstScreenHtml(messages: Record<string, string>): string {
  return (
    '<div class="checkin"><section class="step" aria-labelledby="feelings-title">' +
    contextSummaryHtml(messages) +
    `<h1 id="feelings-title" tabindex="-1">${escapeHtml(messages['checkin.title'] ?? '')}</h1>` +
    `<p class="hint">${escapeHtml(messages['checkin.hint'] ?? '')}</p>` +
    feelingListHtml(messages) +
    '</section></div>'
  );
}

const PRERENDERED_PAGES = /entrypoints[\\/](popup|checkin)[\\/]index\.html$/;

/** A Vite plugin: fills `<div id="app"></div>` of the popup and the check-in window. */
export function prerenderPopup(localeFile: string): Plugin {
  return {
    name: 'outlet:prerender-popup',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        if (!PRERENDERED_PAGES.test(context.filename)) return html;
        const app = '<div id="app"></div>';
        if (!html.includes(app)) throw new Error(`${context.filename} has no ${app} to prerender into`);
        return html.replace(app, `<div id="app">${firstScreenHtml(loadMessages(localeFile))}</div>`);
      },
    },
  };
}

/**
 * A Vite plugin: writes the stylesheets of the popup and the check-in window into their pages as
 * <style>, so the first screen's first paint waits for no stylesheet fetch (extension pages' CSP
 * forbids inline scripts, not inline styles). The CSS files stay in the build for the other pages.
 */
export function inlinePopupStyles(): Plugin {
  return {
    name: 'outlet:inline-popup-styles',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!PRERENDERED_PAGES.test(context.filename) || !context.bundle) return html;
        const bundle = context.bundle;
        return html.replace(
          /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g,
          (tag, file: string) => {
            const asset = bundle[file];
            if (asset?.type !== 'asset') return tag;
            const css =
              typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
            return `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`;
          },
        );
      },
    },
  };
}
