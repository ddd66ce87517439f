import { i18n } from '../../platform/i18n';

interface Props {
  reason: 'heavy-checkins' | 'not-helping';
  onOpenSupport: () => void;
  onDismiss: () => void;
}

/** A gentle word when the person's own check-ins have been heavy for a while. Never a diagnosis. */
export function SupportCard({ reason, onOpenSupport, onDismiss }: Props) {
  return (
    <aside class="support-card" aria-labelledby="support-card-title">
      <p id="support-card-title" class="support-title">
        {i18n.t(reason === 'heavy-checkins' ? 'support.cardHeavy' : 'support.cardNotHelping')}
      </p>
      <p>{i18n.t('support.cardBody')}</p>
      <div class="row">
        <button type="button" class="small" onClick={onOpenSupport}>
          {i18n.t('support.cardOpen')}
        </button>
        <button type="button" class="small link" onClick={onDismiss}>
          {i18n.t('support.cardDismiss')}
        </button>
      </div>
    </aside>
  );
}
