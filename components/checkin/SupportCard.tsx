import { stepHeading, useFocusOnLeave } from '../shared/focus';
import { i18n } from '../shared/words';

interface Props {
  reason: 'heavy-checkins' | 'not-helping';
  onOpenSupport: () => void;
  onDismiss: () => void;
  /**
   * One line (what it is about, then its two links) when something else waits on the same screen
   * (a question, a walk still going): together they must still fit the popup (issue 16).
   */
  compact?: boolean;
}

/** A gentle word when the person's own check-ins have been heavy for a while. Never a diagnosis. */
export function SupportCard({ reason, onOpenSupport, onDismiss, compact = false }: Props) {
  // Dismissed (or gone once storage has it): focus goes to the step's heading, not the page's body.
  const card = useFocusOnLeave<HTMLElement>(stepHeading);
  const title = i18n.t(reason === 'heavy-checkins' ? 'support.cardHeavy' : 'support.cardNotHelping');
  const links = (
    <>
      <button type="button" class={compact ? 'small link' : 'small'} onClick={onOpenSupport}>
        {i18n.t('support.cardOpen')}
      </button>
      <button type="button" class="small link" onClick={onDismiss}>
        {i18n.t('support.cardDismiss')}
      </button>
    </>
  );
  if (compact)
    return (
      <aside ref={card} class="support-card compact" aria-labelledby="support-card-title">
        <p class="row">
          <span id="support-card-title" class="support-title">
            {title}
          </span>
          {links}
        </p>
      </aside>
    );
  return (
    <aside ref={card} class="support-card" aria-labelledby="support-card-title">
      <p id="support-card-title" class="support-title">
        {title}
      </p>
      <p class="support-body">{i18n.t('support.cardBody')}</p>
      <div class="row">{links}</div>
    </aside>
  );
}
