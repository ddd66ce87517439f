import { useState } from 'preact/hooks';
import { i18n } from '../shared/words';

interface Props {
  send: () => Promise<{ ok: true } | { ok: false; error: string }>;
}

/** "Send a test notification", with help for when nothing appears. */
export function TestNotification({ send }: Props) {
  const [result, setResult] = useState<'sent' | 'blocked' | 'failed' | null>(null);
  const run = async () => {
    const reply = await send().catch(() => ({ ok: false as const, error: 'failed' }));
    setResult(reply.ok ? 'sent' : reply.error === 'blocked' ? 'blocked' : 'failed');
  };
  return (
    // The button and its help on one line; what happened below them.
    <div class="field test-notification">
      <button type="button" onClick={() => void run()}>
        {i18n.t('options.testButton')}
      </button>
      <details>
        <summary>{i18n.t('options.testHelpTitle')}</summary>
        <ul class="help">
          <li>{i18n.t('options.testHelpChrome')}</li>
          <li>{i18n.t('options.testHelpWindows')}</li>
          <li>{i18n.t('options.testHelpMac')}</li>
          <li>{i18n.t('options.testHelpLinux')}</li>
        </ul>
      </details>
      <p class="help" aria-live="polite">
        {result === 'sent' && i18n.t('options.testSent')}
        {result === 'blocked' && i18n.t('options.testBlocked')}
        {result === 'failed' && i18n.t('options.testFailed')}
      </p>
    </div>
  );
}
