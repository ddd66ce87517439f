import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Preferences } from '../../core/schema';
import { changesToDefaults, daysThatDiffer } from '../../core/settings-form';
import { useFocusRescue } from '../shared/focus';
import { i18n } from '../shared/words';
import { rangesWords, valueWords, weekdayName } from './words';

interface Props {
  current: Preferences;
  /** Puts every preference back; rejects when storage refused (the page says so). */
  onRestore: () => Promise<void>;
}

const { trustedPeople: _, ...DEFAULT_PREFERENCES } = DEFAULT_SETTINGS;

/** What "restore defaults" would change, one line each; active hours day by day. */
function changeLines(current: Preferences): string[] {
  const lines: string[] = [];
  for (const change of changesToDefaults(current, DEFAULT_PREFERENCES)) {
    if (change.key === 'hours') {
      // Day by day, days that change the same way said together ("Monday, Tuesday: …").
      const groups = new Map<string, { days: string[]; now: string; back: string }>();
      for (const day of daysThatDiffer(change.now, change.back)) {
        const now = rangesWords(change.now[day]);
        const back = rangesWords(change.back[day]);
        const group = groups.get(`${now}|${back}`) ?? { days: [], now, back };
        group.days.push(weekdayName(day));
        groups.set(`${now}|${back}`, group);
      }
      for (const { days, now, back } of groups.values()) {
        lines.push(
          i18n.t('options.restoreItem', [`${i18n.t('options.field.hours')} (${i18n.list(days)})`, now, back]),
        );
      }
      continue;
    }
    lines.push(
      i18n.t('options.restoreItem', [
        i18n.dynamic(`options.field.${change.key}`),
        valueWords(change, 'now'),
        valueWords(change, 'back'),
      ]),
    );
  }
  return lines;
}

/** "Restore default settings…", then a confirmation naming exactly what would change. */
export function RestoreDefaults({ current, onRestore }: Props) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const intro = useRef<HTMLParagraphElement>(null);
  const lines = changeLines(current);
  useEffect(() => {
    if (open) intro.current?.focus();
  }, [open]);
  const rescueFocus = useFocusRescue();
  // Restored or cancelled: back on the button that opened it, once it is on the page again.
  const close = () => {
    rescueFocus(() => opener.current);
    setOpen(false);
  };

  if (!open)
    return (
      <button ref={opener} type="button" onClick={() => setOpen(true)}>
        {i18n.t('options.restore')}
      </button>
    );
  return (
    <fieldset
      class="confirm"
      aria-labelledby="restore-intro"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <p id="restore-intro" ref={intro} tabIndex={-1}>
        {lines.length > 0 ? i18n.t('options.restoreIntro') : i18n.t('options.restoreNothing')}
      </p>
      {lines.length > 0 && (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <p class="help">{i18n.t('options.restoreUntouched')}</p>
      <div class="row">
        {lines.length > 0 && (
          <button
            type="button"
            class="primary"
            onClick={() => {
              void onRestore()
                .then(close)
                .catch(() => undefined);
            }}
          >
            {i18n.t('options.restoreConfirm')}
          </button>
        )}
        <button type="button" onClick={close}>
          {i18n.t('options.restoreCancel')}
        </button>
      </div>
    </fieldset>
  );
}
