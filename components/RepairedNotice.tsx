import { i18n } from '#i18n';

interface Props {
  /** Names of the settings fields that could not be read (see core/schema.ts parseSettings). */
  fields: readonly string[];
  /** Saves the defaults in their place, so the notice goes away. */
  onKeep: () => void;
}

type Key = Parameters<typeof i18n.t>[0];

/** Says plainly which saved settings couldn't be read and are back to their defaults. */
export function RepairedNotice({ fields, onKeep }: Props) {
  const names = fields.map((field) => i18n.t(`options.field.${field}` as Key)).join(', ');
  return (
    <section class="notice" role="status">
      <p>{i18n.t('options.repaired', [names])}</p>
      <button type="button" class="small" onClick={onKeep}>
        {i18n.t('options.repairedKeep')}
      </button>
    </section>
  );
}
