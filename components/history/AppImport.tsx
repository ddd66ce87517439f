// "From another mood app" on the history page: pick a file, see what it holds, place your own mood
// names on Outlet's feelings, bring the entries in. Every step is here; the reading and checking is
// core/data/imports/ (pure), the file, the remembered places and the storing come in as `actions`
// (entrypoints/history/App.tsx gives the browser's). Props in, callbacks out.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type ColumnMapping,
  type CsvTable,
  detectImport,
  guessFeeling,
  type ImportedRow,
  type ImportSource,
  type ImportSummary,
  type LineProblem,
  MAPPED_FIELDS,
  type MappedField,
  NO_MOOD,
  orderIsOpen,
  type Placements,
  type RowsRead,
  readGeneric,
  summarize,
  toCheckIns,
} from '../../core/data/imports';
import { FEELING_IDS, type FeelingId, isFeelingId } from '../../core/feelings';
import { ACTIVITIES_MAX, type CheckIn, JOURNAL_MAX_LENGTH } from '../../core/schema';
import { dayBounds, HOUR } from '../../core/time';
import type { MessageKey } from '../../core/words';
import { i18n } from '../shared/words';
import { feelingWords } from './words';

export interface AppImportActions {
  /** The chosen file's text; rejects when it can't be read. */
  readFile: (file: File) => Promise<string>;
  /** Where this app's mood names were placed at earlier imports. */
  loadPlacements: (source: ImportSource) => Promise<Placements>;
  rememberPlacements: (source: ImportSource, placements: Placements) => Promise<void>;
  /** Stores the check-ins, all or none; rejects when none could be stored. */
  store: (checkIns: CheckIn[]) => Promise<{ added: number; same: number; differing: number }>;
}

type Step =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'refused'; problems: LineProblem[]; more: number }
  | { kind: 'unreadable' }
  | { kind: 'columns'; table: CsvTable; mapping: ColumnMapping }
  | { kind: 'preview'; source: ImportSource; rows: ImportedRow[]; summary: ImportSummary; places: Placements }
  | { kind: 'place'; source: ImportSource; rows: ImportedRow[]; summary: ImportSummary; places: Placements }
  | { kind: 'storing' }
  | { kind: 'done'; added: number; same: number; differing: number }
  | { kind: 'failed'; back: Extract<Step, { kind: 'place' }> };

const APP_KEYS = {
  daylio: 'import_apps.app.daylio',
  bearable: 'import_apps.app.bearable',
  pixels: 'import_apps.app.pixels',
  csv: 'import_apps.app.csv',
} as const satisfies Record<ImportSource, MessageKey>;

const COLUMN_KEYS = {
  date: 'import_apps.column.date',
  time: 'import_apps.column.time',
  mood: 'import_apps.column.mood',
  note: 'import_apps.column.note',
  activities: 'import_apps.column.activities',
} as const satisfies Record<MappedField, MessageKey>;
const NEEDED: ReadonlySet<MappedField> = new Set(['date', 'mood']);

/** A problem in the person's language: "Line 14: the date “31/02/2021” isn't a real day". */
export function problemText({ line, what, value = '' }: LineProblem): string {
  const said = ((): string => {
    switch (what) {
      case 'not-a-day':
        return i18n.t('import_apps.what.notADay', [value]);
      case 'no-date':
        return value ? i18n.t('import_apps.what.dateUnreadable', [value]) : i18n.t('import_apps.what.noDate');
      case 'bad-time':
        return i18n.t('import_apps.what.badTime', [value]);
      case 'no-mood':
        return i18n.t('import_apps.what.noMood');
      case 'bad-score':
        return i18n.t('import_apps.what.badScore', [value]);
      case 'note-too-long':
        return i18n.t('import_apps.what.noteTooLong', [value, i18n.number(JOURNAL_MAX_LENGTH)]);
      case 'activities-too-long':
        return i18n.t('import_apps.what.activitiesTooLong', [value, i18n.number(ACTIVITIES_MAX)]);
      case 'mood-too-long':
        return i18n.t('import_apps.what.moodTooLong', [value]);
      case 'missing-column':
        return i18n.t('import_apps.what.missingColumn', [
          i18n.t(COLUMN_KEYS[value === 'mood' ? 'mood' : 'date']),
        ]);
      case 'not-json':
        return i18n.t('import_apps.what.notJson');
      case 'not-entries':
        return i18n.t('import_apps.what.notEntries');
      case 'unknown-shape':
        return i18n.t('import_apps.what.unknownShape');
      case 'no-rows':
        return i18n.t('import_apps.what.noRows');
      case 'too-many':
        return i18n.t('import_apps.what.tooMany', [value]);
      case 'too-big':
        return i18n.t('import_apps.what.tooBig');
    }
  })();
  return line > 0 ? i18n.t('import_apps.line', [String(line), said]) : said;
}

/** "March 2021": a day's month and year in the words' language. */
const monthWords = (day: string) =>
  i18n.date(dayBounds(day).start + 12 * HOUR, { month: 'long', year: 'numeric' });

/** A mood name as shown: the file's own words, or "No mood given" for readings with none. */
const moodShown = (name: string) => (name === NO_MOOD ? i18n.t('import_apps.noMood') : name);

/** The places to start from: remembered ones, else a guess, for each of the file's mood names. */
function startingPlaces(summary: ImportSummary, remembered: Placements): Placements {
  const places: Record<string, FeelingId> = {};
  for (const { key } of summary.moods) {
    const known = remembered[key];
    const guess = isFeelingId(known) ? known : guessFeeling(key);
    if (guess) places[key] = guess;
  }
  return places;
}

export function AppImport({ actions }: { actions: AppImportActions }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [unplacedShown, setUnplacedShown] = useState(false);
  /** Bumped at each try with names unplaced: focus then goes to the first of them, once drawn. */
  const [askedToPlace, setAskedToPlace] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const firstUnplaced = useRef<HTMLSelectElement | null>(null);

  // Focus goes to each new step's heading, so a keyboard or screen reader lands where the step starts.
  useEffect(() => {
    if (step.kind === 'columns' || step.kind === 'preview' || step.kind === 'place')
      headingRef.current?.focus();
  }, [step.kind]);

  useEffect(() => {
    if (askedToPlace > 0) firstUnplaced.current?.focus();
  }, [askedToPlace]);

  const toPreview = async (read: RowsRead) => {
    if (!read.ok) {
      setStep({ kind: 'refused', problems: read.problems, more: read.more });
      return;
    }
    const summary = summarize(read.rows);
    const remembered = await actions.loadPlacements(read.source).catch(() => ({}));
    setStep({
      kind: 'preview',
      source: read.source,
      rows: read.rows,
      summary,
      places: startingPlaces(summary, remembered),
    });
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setStep({ kind: 'reading' });
    let text: string;
    try {
      text = await actions.readFile(file);
    } catch {
      setStep({ kind: 'unreadable' });
      return;
    }
    const detected = detectImport(text);
    if (detected.kind === 'mapping')
      setStep({ kind: 'columns', table: detected.table, mapping: detected.guess });
    else await toPreview(detected.read);
  };

  const restart = () => {
    setStep({ kind: 'idle' });
    setUnplacedShown(false);
    if (fileRef.current) fileRef.current.value = '';
    fileRef.current?.focus();
  };

  const bringIn = async (place: Extract<Step, { kind: 'place' }>) => {
    const made = toCheckIns(place.source, place.rows, place.places);
    if (!made.ok) {
      setUnplacedShown(true);
      setAskedToPlace((n) => n + 1);
      return;
    }
    setStep({ kind: 'storing' });
    try {
      const stored = await actions.store(made.checkIns);
      // Remembered after the entries are safe; a failure here costs only next time's suggestions.
      await actions.rememberPlacements(place.source, place.places).catch(() => undefined);
      setStep({ kind: 'done', ...stored });
    } catch {
      setStep({ kind: 'failed', back: place });
    }
  };

  const busy = step.kind === 'reading' || step.kind === 'storing';
  const picking =
    step.kind === 'idle' || step.kind === 'refused' || step.kind === 'unreadable' || step.kind === 'done';

  return (
    <section class="app-import" aria-labelledby="app-import-heading">
      <h2 id="app-import-heading">{i18n.t('import_apps.heading')}</h2>
      <p class="help">{i18n.t('import_apps.intro')}</p>
      {picking && (
        <div class="field">
          <label for="app-import-file">{i18n.t('import_apps.file')}</label>
          <input
            id="app-import-file"
            ref={fileRef}
            type="file"
            accept=".csv,.json,.txt,text/csv,application/json"
            onChange={(event) => void choose(event.currentTarget.files?.[0])}
          />
        </div>
      )}
      {busy && (
        <p class="help" role="status">
          {i18n.t(step.kind === 'reading' ? 'import_apps.reading' : 'import_apps.storing')}
        </p>
      )}
      {step.kind === 'unreadable' && (
        <p class="error" role="alert">
          {i18n.t('import_apps.readFailed')}
        </p>
      )}
      {step.kind === 'refused' && (
        <div class="error" role="alert">
          <p>{i18n.t('import_apps.refused')}</p>
          <ul>
            {step.problems.map((problem) => (
              <li key={`${problem.line}-${problem.what}`}>{problemText(problem)}</li>
            ))}
          </ul>
          {step.more > 0 && <p>{i18n.t('import_apps.more', [i18n.number(step.more)])}</p>}
        </div>
      )}
      {step.kind === 'done' && (
        <p class="notice" role="status">
          {step.added + step.differing === 0
            ? i18n.t('import_apps.doneNothing')
            : [
                i18n.t('import_apps.done', [i18n.plural('history.checkIns', step.added)]),
                step.same > 0
                  ? i18n.t('import_apps.doneSame', [i18n.plural('history.checkIns', step.same)])
                  : '',
                step.differing > 0
                  ? i18n.t('import_apps.doneDiffer', [i18n.plural('history.checkIns', step.differing)])
                  : '',
              ]
                .filter(Boolean)
                .join(' ')}
        </p>
      )}
      {step.kind === 'columns' && (
        <ColumnsStep
          step={step}
          headingRef={headingRef}
          onChange={(mapping) => setStep({ ...step, mapping })}
          onContinue={() => void toPreview(readGeneric(step.table, step.mapping))}
          onCancel={restart}
        />
      )}
      {step.kind === 'preview' && (
        <div class="app-import-step">
          <h3 tabIndex={-1} ref={headingRef}>
            {i18n.t('import_apps.previewHeading')}
          </h3>
          <p>
            {i18n.t('import_apps.preview', [
              i18n.plural('history.checkIns', step.summary.count),
              i18n.t(APP_KEYS[step.source]),
              monthWords(step.summary.first),
              monthWords(step.summary.last),
              toPlaceWords(step.summary, step.places),
            ])}
          </p>
          <div class="actions">
            <button type="button" onClick={() => setStep({ ...step, kind: 'place' })}>
              {i18n.t('import_apps.continue')}
            </button>
            <button type="button" class="secondary" onClick={restart}>
              {i18n.t('import_apps.cancel')}
            </button>
          </div>
        </div>
      )}
      {(step.kind === 'place' || step.kind === 'failed') && (
        <PlaceStep
          step={step.kind === 'failed' ? step.back : step}
          failed={step.kind === 'failed'}
          unplacedShown={unplacedShown}
          headingRef={headingRef}
          firstUnplaced={firstUnplaced}
          onPlace={(key, feeling) => {
            const base = step.kind === 'failed' ? step.back : step;
            const places = { ...base.places };
            if (feeling) places[key] = feeling;
            else delete places[key];
            setStep({ ...base, places });
          }}
          onBringIn={() => void bringIn(step.kind === 'failed' ? step.back : step)}
          onBack={() => {
            const base = step.kind === 'failed' ? step.back : step;
            setStep({ ...base, kind: 'preview' });
          }}
        />
      )}
    </section>
  );
}

/** "4 mood names to place", or that every one has its place already (remembered or Daylio's own). */
function toPlaceWords(summary: ImportSummary, places: Placements): string {
  const open = summary.moods.filter((mood) => !isFeelingId(places[mood.key])).length;
  return open === 0 ? i18n.t('import_apps.allPlaced') : i18n.plural('import_apps.toPlace', open);
}

function ColumnsStep({
  step,
  headingRef,
  onChange,
  onContinue,
  onCancel,
}: {
  step: Extract<Step, { kind: 'columns' }>;
  headingRef: { current: HTMLHeadingElement | null };
  onChange: (mapping: ColumnMapping) => void;
  onContinue: () => void;
  onCancel: () => void;
}) {
  const { table, mapping } = step;
  const askOrder = orderIsOpen(table, mapping.date);
  return (
    <form
      class="app-import-step"
      onSubmit={(event) => {
        event.preventDefault();
        onContinue();
      }}
    >
      <h3 tabIndex={-1} ref={headingRef}>
        {i18n.t('import_apps.columnsHeading')}
      </h3>
      <p class="help">{i18n.t('import_apps.columnsIntro')}</p>
      {MAPPED_FIELDS.map((field) => (
        <div class="field" key={field}>
          <label for={`app-import-col-${field}`}>{i18n.t(COLUMN_KEYS[field])}</label>
          <select
            id={`app-import-col-${field}`}
            required={NEEDED.has(field)}
            value={String(mapping[field])}
            onChange={(event) => onChange({ ...mapping, [field]: Number(event.currentTarget.value) })}
          >
            <option value="-1">
              {NEEDED.has(field) ? i18n.t('import_apps.columnChoose') : i18n.t('import_apps.columnNone')}
            </option>
            {table.headerText.map((name, index) => (
              <option key={index} value={String(index)}>
                {name || i18n.t('import_apps.columnNumber', [String(index + 1)])}
              </option>
            ))}
          </select>
        </div>
      ))}
      {askOrder && (
        <div class="field">
          <label for="app-import-order">{i18n.t('import_apps.order')}</label>
          <select
            id="app-import-order"
            value={mapping.order}
            onChange={(event) =>
              onChange({ ...mapping, order: event.currentTarget.value === 'mdy' ? 'mdy' : 'dmy' })
            }
          >
            <option value="dmy">{i18n.t('import_apps.orderDmy')}</option>
            <option value="mdy">{i18n.t('import_apps.orderMdy')}</option>
          </select>
        </div>
      )}
      <div class="actions">
        <button type="submit">{i18n.t('import_apps.continue')}</button>
        <button type="button" class="secondary" onClick={onCancel}>
          {i18n.t('import_apps.cancel')}
        </button>
      </div>
    </form>
  );
}

function PlaceStep({
  step,
  failed,
  unplacedShown,
  headingRef,
  firstUnplaced,
  onPlace,
  onBringIn,
  onBack,
}: {
  step: Extract<Step, { kind: 'place' }>;
  failed: boolean;
  unplacedShown: boolean;
  headingRef: { current: HTMLHeadingElement | null };
  firstUnplaced: { current: HTMLSelectElement | null };
  onPlace: (key: string, feeling: FeelingId | null) => void;
  onBringIn: () => void;
  onBack: () => void;
}) {
  firstUnplaced.current = null;
  const unplaced = step.summary.moods.some((mood) => !isFeelingId(step.places[mood.key]));
  return (
    <form
      class="app-import-step"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onBringIn();
      }}
    >
      <h3 tabIndex={-1} ref={headingRef}>
        {i18n.t('import_apps.placeHeading')}
      </h3>
      <p class="help">{i18n.t('import_apps.placeIntro')}</p>
      <ul class="mood-places">
        {step.summary.moods.map((mood, index) => {
          const placed = step.places[mood.key];
          const missing = unplacedShown && !isFeelingId(placed);
          const id = `app-import-mood-${index}`;
          return (
            <li key={mood.key}>
              <label for={id}>
                <strong>{moodShown(mood.name)}</strong>{' '}
                <span class="muted">({i18n.plural('history.checkIns', mood.count)})</span>
              </label>
              <select
                id={id}
                ref={(element) => {
                  if (missing && !firstUnplaced.current) firstUnplaced.current = element;
                }}
                aria-invalid={missing ? 'true' : undefined}
                aria-describedby={missing ? 'app-import-unplaced' : undefined}
                value={isFeelingId(placed) ? placed : ''}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  onPlace(mood.key, isFeelingId(value) ? value : null);
                }}
              >
                <option value="">{i18n.t('import_apps.chooseFeeling')}</option>
                {FEELING_IDS.map((feeling) => (
                  <option key={feeling} value={feeling}>
                    {feelingWords(feeling)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      {unplacedShown && unplaced && (
        <p id="app-import-unplaced" class="error" role="alert">
          {i18n.t('import_apps.unplaced')}
        </p>
      )}
      {failed && (
        <p class="error" role="alert">
          {i18n.t('import_apps.saveFailed')}
        </p>
      )}
      <div class="actions">
        <button type="submit">{i18n.t('import_apps.bringIn')}</button>
        <button type="button" class="secondary" onClick={onBack}>
          {i18n.t('import_apps.back')}
        </button>
      </div>
    </form>
  );
}
