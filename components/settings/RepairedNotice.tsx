import { i18n } from '../shared/words';

interface Props {
  /** Names of the settings fields that could not be read (see core/schema.ts parseSettings). */
  fields: readonly string[];
  /** Saves the defaults in their place, so the notice goes away. */
  onKeep: () => void;
}

/** Says plainly which saved settings couldn't be read and are back to their defaults. */
export function RepairedNotice({ fields, onKeep }: Props) {
  const names = i18n.list(fields.map((field) => i18n.dynamic(`options.field.${field}`)));
  return (
    <section class="notice" role="status">
      <p>{i18n.t('options.repaired', [names])}</p>
      <button type="button" class="small" onClick={onKeep}>
        {i18n.t('options.repairedKeep')}
      </button>
    </section>
  );
}
