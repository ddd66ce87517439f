// Pixels' JSON backup: a list of days, `{"date":"2025-1-1","type":"Mood","scores":[4],"notes":"…",
// "tags":[{"type":"Emotions","entries":["happy"]}]}` (dates not zero-padded, several scores a day
// possible), or the 2019 shape `{"date","mood","emotions","notes"}`. A day has no clock time: its
// entries are placed at noon. Each score is its own check-in; the notes go with the first.
import { readDate } from './dates';
import { RowCollector, type RowsRead, refuseFile, textOrNothing, tidy } from './rows';

const NOON = 12 * 60;

/**
 * The line each element of the file's top-level list starts on, found by walking the text once (the
 * parsed JSON has no lines), so a refusal can name the line as it does for a CSV.
 */
export function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (
      depth === 1 &&
      expecting &&
      char !== ' ' &&
      char !== '\n' &&
      char !== '\r' &&
      char !== '\t' &&
      char !== ']'
    ) {
      lines.push(line);
      expecting = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth++;
      if (depth === 1) expecting = true;
    } else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 1) expecting = true;
  }
  return lines;
}

/** Whether parsed JSON looks like a Pixels backup: a list of objects with a `date`. */
export function isPixels(root: unknown): root is unknown[] {
  return (
    Array.isArray(root) &&
    root.length > 0 &&
    root.every((item) => typeof item === 'object' && item !== null && 'date' in item)
  );
}

const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').map(tidy) : [];

/** Tags as text: "Emotions: happy, calm · Activities: walk". */
function tagText(tags: unknown): string[] {
  if (!Array.isArray(tags)) return [];
  return tags.flatMap((tag) => {
    if (typeof tag !== 'object' || tag === null) return [];
    const { type, entries } = tag as { type?: unknown; entries?: unknown };
    const list = texts(entries).filter(Boolean);
    if (list.length === 0) return [];
    return [
      typeof type === 'string' && type.trim() !== '' ? `${tidy(type)}: ${list.join(', ')}` : list.join(', '),
    ];
  });
}

export function readPixels(text: string, root: unknown): RowsRead {
  if (!isPixels(root)) return refuseFile('unknown-shape');
  const lines = elementLines(text.replace(/^\uFEFF/, ''));
  const out = new RowCollector();
  root.forEach((raw, index) => {
    const line = lines[index] ?? index + 1;
    const item = raw as Record<string, unknown>;
    const dateText = typeof item.date === 'string' ? item.date : '';
    const date = readDate(dateText);
    if (!date.ok) {
      out.problem(
        line,
        dateText === '' ? 'no-date' : date.why === 'not-a-day' ? 'not-a-day' : 'no-date',
        dateText,
      );
      return;
    }
    // 2019: one `mood`; since: a list of `scores`.
    const scores = Array.isArray(item.scores) ? item.scores : item.mood !== undefined ? [item.mood] : [];
    if (scores.length === 0 || !scores.every((s) => Number.isInteger(s) && s >= 1 && s <= 5)) {
      out.problem(line, 'bad-score', JSON.stringify(item.scores ?? item.mood ?? null));
      return;
    }
    const journal = textOrNothing(typeof item.notes === 'string' ? item.notes : undefined);
    const emotions = texts(item.emotions).filter(Boolean);
    const tags = [...(emotions.length > 0 ? [emotions.join(', ')] : []), ...tagText(item.tags)];
    (scores as number[]).forEach((score, i) => {
      const activities = i === 0 ? tags.join(' · ') : '';
      out.add({
        line,
        day: date.day,
        minute: NOON,
        mood: `${score}/5`,
        ...(i === 0 && journal !== undefined && { journal }),
        ...(activities !== '' && { activities }),
      });
    });
  });
  return out.result('pixels');
}
