import type { HelpFinding, WhatHelps as Helps } from '../../core/insights/helps';
import { HELPS_MIN_WITH, HELPS_MIN_WITHOUT } from '../../core/insights/helps';
import { i18n } from '../shared/words';

interface Props {
  helps: Helps;
}

/** "When you feel low, moving seems to help.", with the person's own count beside it. */
function line(finding: HelpFinding): { said: string; count: string } {
  const when = i18n.dynamic(`history.helpsWhen.${finding.kind}.${finding.context}`);
  return {
    said: i18n.dynamic(`history.helpsLine.${finding.family}`, [when]),
    count: i18n.t('history.helpsCount', [String(finding.lifted), String(finding.tried)]),
  };
}

/**
 * What seems to help, by kind of feeling (and where the person was, when that differs), from their
 * own before and after (core/insights/helps.ts). Tentative, never what didn't help; a kind word
 * until there is enough to go on.
 */
export function WhatHelps({ helps }: Props) {
  const { findings, answered } = helps;
  return (
    <section aria-labelledby="helps-heading" class="history-helps">
      <h2 id="helps-heading">{i18n.t('history.helpsHeading')}</h2>
      {findings.length === 0 ? (
        <p class="help">
          {i18n.t(
            answered < HELPS_MIN_WITH + HELPS_MIN_WITHOUT ? 'history.helpsNotYet' : 'history.helpsNothingYet',
          )}
        </p>
      ) : (
        <>
          <ul class="helped-list">
            {findings.map((finding) => {
              const { said, count } = line(finding);
              return (
                <li key={`${finding.kind}-${finding.context}-${finding.family}`}>
                  <strong>{said}</strong>
                  <span>{count}</span>
                </li>
              );
            })}
          </ul>
          <p class="help">{i18n.t('history.helpsNote')}</p>
        </>
      )}
    </section>
  );
}
