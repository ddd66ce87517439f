import { useState } from 'preact/hooks';
import { FEELINGS, type FeelingId } from '../../core/feelings';
import { feelingLabel } from '../shared/copy';
import { i18n } from '../shared/words';
import { roveFocus } from './roving';

interface Props {
  onPick: (feeling: FeelingId) => void;
}

const FIRST = FEELINGS[0]?.id ?? 'calm';

/**
 * "How are you right now?": one button per feeling, grouped by how they feel. The group is one Tab
 * stop; arrow keys move inside it (build/prerender-popup.ts writes the same markup into the page).
 */
export function FeelingPicker({ onPick }: Props) {
  const [active, setActive] = useState<FeelingId>(FIRST);
  const onKeyDown = (event: KeyboardEvent) => {
    const list = event.currentTarget as HTMLElement;
    const buttons = [...list.querySelectorAll<HTMLButtonElement>('button[data-feeling]')];
    if (roveFocus(buttons, event.target as HTMLElement, event.key)) event.preventDefault();
  };
  const onFocusIn = (event: FocusEvent) => {
    const feeling = (event.target as HTMLElement).dataset?.feeling as FeelingId | undefined;
    if (feeling) setActive(feeling);
  };
  return (
    <ul
      class="feelings"
      aria-label={i18n.t('checkin.feelingsLabel')}
      onKeyDown={onKeyDown}
      onFocusIn={onFocusIn}
    >
      {FEELINGS.map((feeling) => (
        <li key={feeling.id} class={feeling.valence === 'unclear' ? 'unclear-item' : ''}>
          <button
            type="button"
            class={`feeling ${feeling.valence} ${feeling.energy}`}
            data-feeling={feeling.id}
            tabIndex={feeling.id === active ? 0 : -1}
            onClick={() => onPick(feeling.id)}
          >
            {feelingLabel(feeling.id)}
          </button>
        </li>
      ))}
    </ul>
  );
}
