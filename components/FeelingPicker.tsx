import { FEELINGS, type FeelingId } from '../core/feelings';
import { i18n } from '../platform/i18n';
import { feelingLabel } from './copy';

interface Props {
  onPick: (feeling: FeelingId) => void;
}

/** Step 1: "How are you right now?", one button per feeling, grouped by how they feel. */
export function FeelingPicker({ onPick }: Props) {
  return (
    <ul class="feelings" aria-label={i18n.t('checkin.feelingsLabel')}>
      {FEELINGS.map((feeling) => (
        <li key={feeling.id} class={feeling.valence === 'unclear' ? 'unclear-item' : ''}>
          <button
            type="button"
            class={`feeling ${feeling.valence} ${feeling.energy}`}
            data-feeling={feeling.id}
            onClick={() => onPick(feeling.id)}
          >
            {feelingLabel(feeling.id)}
          </button>
        </li>
      ))}
    </ul>
  );
}
