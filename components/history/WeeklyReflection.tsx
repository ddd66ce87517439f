import type { Reflection, ReflectionLine } from '../../core/insights/reflection';
import { i18n } from '../shared/words';
import { outletWords } from './words';

interface Props {
  reflection: Reflection;
}

function words(line: ReflectionLine): string {
  switch (line.key) {
    case 'days':
      return i18n.plural('history.reflectionDays', line.days);
    case 'leaning':
      return i18n.dynamic(`history.leaning.${line.state}`);
    case 'mostlyHeavy':
      return i18n.t('history.mostlyHeavy');
    case 'mixed':
      return i18n.t('history.mixed');
    case 'helped':
      return line.aLittle
        ? i18n.t('history.helpedWeekALittle', [outletWords(line.outletId)])
        : i18n.t('history.helpedWeek', [outletWords(line.outletId)]);
    case 'pattern':
      return i18n.dynamic(`history.pattern.${line.family}`);
    case 'notEnough':
      return i18n.t('history.notEnough');
  }
}

/** A few plain sentences about the last seven days, or a gentle placeholder until there's enough. */
export function WeeklyReflection({ reflection }: Props) {
  return (
    <section aria-labelledby="reflection-heading" class="history-reflection">
      <h2 id="reflection-heading">{i18n.t('history.reflectionHeading')}</h2>
      {reflection.quiet ? (
        <p class="help">{i18n.t('history.reflectionQuiet')}</p>
      ) : (
        <>
          <p>{reflection.lines.map(words).join(' ')}</p>
          <p class="help">{i18n.t('history.reflectionNote')}</p>
        </>
      )}
    </section>
  );
}
