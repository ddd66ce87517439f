// A person's own outlets: ideas in their own words (a title, a line of how), each in one of the six
// families, with how long it takes and whether it needs stepping away or being alone. One schema
// serves the options form (parseOwnOutletInput), storage (platform/own-outlets.ts) and imports
// (core/data/export-format.ts), so the form never accepts what storage or a file would refuse.
//
// The id carries the family (`own-<family>-<suffix>`): what the picker learns is kept by outlet id and
// by family (core/learning), and an answer given later is taken back from the cell it was added to.
// Read from the id, an own outlet's family is the same at both moments, even once the outlet has been
// changed or removed, and no own id can ever be a catalogue id (those never start with `own-`).
// Changing an outlet's family therefore gives it a new id (editedOwnOutlet): a new idea, learned anew.
//
// No catalogue here: the options page reads this without carrying every outlet's row.
import * as v from 'valibot';
import { OUTLET_FAMILIES, type OutletFamily } from '../families';

/** At most this many own outlets: room for plenty, and catalogue + own stay within OUTLETS_MAX learned. */
export const OWN_OUTLETS_MAX = 30;
export const OWN_TITLE_MAX = 80;
export const OWN_HOW_MAX = 280;
export const OWN_MINUTES_MIN = 1;
/** The longest time a check-in offers (core/schema.ts ContextSchema): anything longer would never be offered. */
export const OWN_MINUTES_MAX = 15;

export const OWN_ID_PREFIX = 'own-';
const SUFFIX = /^[a-z0-9]{4,40}$/;
const OWN_ID = new RegExp(`^${OWN_ID_PREFIX}(${OUTLET_FAMILIES.join('|')})-([a-z0-9]{4,40})$`);

/** The family an own outlet's id names; undefined for any other id (the catalogue's, or unsound). */
export function ownFamilyOf(id: string): OutletFamily | undefined {
  return OWN_ID.exec(id)?.[1] as OutletFamily | undefined;
}

export const isOwnOutletId = (id: string): boolean => ownFamilyOf(id) !== undefined;

/** An own outlet's id, from its family and a random suffix (lowercase letters and digits). */
export function ownOutletId(family: OutletFamily, suffix: string): string {
  const clean = suffix
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 40);
  if (!SUFFIX.test(clean)) throw new RangeError('An own outlet id needs at least 4 letters or digits');
  return `${OWN_ID_PREFIX}${family}-${clean}`;
}

/** What a person types, as storage keeps it. */
export const ownOutletFields = {
  title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(OWN_TITLE_MAX)),
  how: v.pipe(v.string(), v.trim(), v.maxLength(OWN_HOW_MAX)),
  family: v.picklist(OUTLET_FAMILIES),
  minutes: v.pipe(v.number(), v.integer(), v.minValue(OWN_MINUTES_MIN), v.maxValue(OWN_MINUTES_MAX)),
  needsAway: v.boolean(),
  needsAlone: v.boolean(),
};

export const OwnOutletEntries = {
  id: v.pipe(v.string(), v.maxLength(100), v.regex(OWN_ID)),
  ...ownOutletFields,
};

/** The id's family is the outlet's: the learning reads it from the id (see above). */
export const sameFamily = <T extends { id: string; family: OutletFamily }>(outlet: T): boolean =>
  ownFamilyOf(outlet.id) === outlet.family;
export const SAME_FAMILY_MESSAGE = "The id doesn't name the outlet's family";

export const OwnOutletSchema = v.pipe(
  v.object(OwnOutletEntries),
  v.check((outlet) => sameFamily(outlet), SAME_FAMILY_MESSAGE),
);
export type OwnOutlet = v.InferOutput<typeof OwnOutletSchema>;

/**
 * Adding one more own outlet than OWN_OUTLETS_MAX: storage rejects with it, the form says so in words.
 * Defined beside the limit, so both know it without the form importing storage.
 */
export class OwnOutletsFull extends Error {
  constructor() {
    super(`Outlet keeps at most ${OWN_OUTLETS_MAX} outlets of your own.`);
    this.name = 'OwnOutletsFull';
  }
}

/** The form's fields as typed: minutes as text, so what was typed stays in the field when refused. */
export interface OwnOutletDraft {
  title: string;
  how: string;
  family: OutletFamily | '';
  minutes: string;
  needsAway: boolean;
  needsAlone: boolean;
}

export type OwnOutletField = 'title' | 'how' | 'family' | 'minutes';
export type OwnOutletRefusal = 'empty' | 'too-long' | 'not-whole' | 'too-small' | 'too-large';

export type OwnOutletInputResult =
  | { ok: true; outlet: Omit<OwnOutlet, 'id'> }
  | { ok: false; field: OwnOutletField; reason: OwnOutletRefusal };

const OwnInputSchema = v.object(ownOutletFields);
const ORDER: readonly OwnOutletField[] = ['title', 'how', 'family', 'minutes'];

/**
 * Checks what was typed against the very fields storage keeps (ownOutletFields): the first problem in
 * the form's order, with a reason the form puts into words. Minutes are read as a whole number first.
 */
export function parseOwnOutletInput(draft: OwnOutletDraft): OwnOutletInputResult {
  const text = draft.minutes.trim();
  const minutes = /^\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
  const result = v.safeParse(OwnInputSchema, { ...draft, minutes });
  if (result.success) return { ok: true, outlet: result.output };
  const issues = result.issues.map((issue) => ({ field: issue.path?.[0]?.key, type: issue.type }));
  const first = ORDER.map((field) => issues.find((issue) => issue.field === field)).find(Boolean);
  const field = (first?.field ?? 'title') as OwnOutletField;
  let reason: OwnOutletRefusal = 'empty';
  if (first?.type === 'max_length') reason = 'too-long';
  else if (field === 'minutes' && text !== '') {
    if (Number.isNaN(minutes) || !Number.isInteger(minutes)) reason = 'not-whole';
    else reason = minutes < OWN_MINUTES_MIN ? 'too-small' : 'too-large';
  }
  return { ok: false, field, reason };
}

/** An own outlet as the form shows it for editing. */
export function ownOutletDraft(outlet?: OwnOutlet): OwnOutletDraft {
  if (!outlet) return { title: '', how: '', family: '', minutes: '5', needsAway: false, needsAlone: false };
  const { title, how, family, minutes, needsAway, needsAlone } = outlet;
  return { title, how, family, minutes: String(minutes), needsAway, needsAlone };
}

/**
 * The outlet as changed: the same id while its family stays, a new one (from `suffix`) when the family
 * changes, since the id names the family the learning counted it under.
 */
export function editedOwnOutlet(
  previous: OwnOutlet,
  changed: Omit<OwnOutlet, 'id'>,
  suffix: string,
): OwnOutlet {
  const id = changed.family === previous.family ? previous.id : ownOutletId(changed.family, suffix);
  return { ...changed, id };
}
