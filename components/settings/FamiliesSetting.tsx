import { useState } from 'preact/hooks';
import { OUTLET_FAMILIES, type OutletFamily } from '../../core/families';
import { familyLabel } from '../shared/copy';
import { i18n } from '../shared/words';

interface Props {
  families: readonly OutletFamily[];
  onChange: (families: OutletFamily[]) => Promise<void>;
  /** The last kind was refused (said next to the boxes): the section no longer says "Saved". */
  onRefused?: () => void;
}

/** Which kinds of outlet the check-in may offer. At least one always stays on. */
export function FamiliesSetting({ families, onChange, onRefused }: Props) {
  const [error, setError] = useState<string | null>(null);
  const toggle = (family: OutletFamily, on: boolean) => {
    const next = OUTLET_FAMILIES.filter((f) => (f === family ? on : families.includes(f)));
    if (next.length === 0) {
      setError(i18n.t('options.familiesNone'));
      onRefused?.();
      return;
    }
    setError(null);
    void onChange(next).catch(() => undefined);
  };
  return (
    // No group name of its own: the section's heading says "What to offer" (once), and a legend
    // saying it again made screen readers say it twice.
    <div class="families" aria-describedby={error ? 'families-help families-error' : 'families-help'}>
      <p id="families-help" class="help">
        {i18n.t('options.familiesHelp')}
      </p>
      <div class="family-choices">
        {OUTLET_FAMILIES.map((family) => (
          <label key={family} class="check">
            <input
              type="checkbox"
              checked={families.includes(family)}
              onChange={(event) => {
                // Keep the box as stored until the change is accepted.
                event.currentTarget.checked = families.includes(family);
                toggle(family, !families.includes(family));
              }}
            />
            {familyLabel(family)}
          </label>
        ))}
      </div>
      {error && (
        <p id="families-error" class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
