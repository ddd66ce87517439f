// Reading an export file back in. All or nothing: the whole file is checked first, and either every
// part of it is sound (and comes back upgraded to the current version) or nothing is, with a list of
// problems that each say where in the file and what is wrong (a code the page puts into words).
//
// The text goes through JSON.parse only (no reviver, no eval). A `__proto__` key in the file becomes
// an ordinary own property there, which the strict schemas refuse as an unknown field; the values
// that pass are rebuilt by valibot key by key, so nothing from the file can reach Object.prototype.
import * as v from 'valibot';
import type { CheckIn } from '../schema';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ExportV1Schema,
  type ExportV2,
  ExportV2Schema,
  KEPT_VALUE_TOO_BIG,
  upgradeV1,
} from './export-format';

/**
 * 256 MB. Years of daily check-ins with journal lines come to a few MB, but a file this device
 * exported must always come back in: the most check-ins a file holds (200,000, MAX_CHECK_INS) made
 * an export of 70 MB in the big-file bench, past the 50 MB this was. The file is read and checked
 * in a worker (platform/data-worker.ts), so a big one never freezes the page.
 */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
/** A broken file could have a problem on every line; the page lists this many and counts the rest. */
export const MAX_PROBLEMS = 50;

export type ProblemCode =
  | 'too-big'
  | 'empty'
  | 'not-json'
  | 'truncated'
  | 'markdown'
  | 'csv'
  | 'text'
  | 'html'
  | 'image'
  | 'binary'
  | 'not-outlet'
  | 'future-version'
  | 'unknown-version'
  | 'missing'
  | 'unknown-field'
  | 'wrong-type'
  | 'bad-time'
  | 'out-of-range'
  | 'too-long'
  | 'too-short'
  | 'too-many'
  | 'not-allowed'
  | 'duplicate-id'
  | 'invalid';

export type Section =
  | 'file'
  | 'preferences'
  | 'people'
  | 'ownOutlets'
  | 'checkIns'
  | 'setAside'
  | 'unreadable';

/** Where a problem is, for the page to put into words ("Check-in 12"). */
export interface Place {
  section: Section;
  /** 1-based position in its list, when the problem is in one entry. */
  index?: number;
  /** The entry's id, when it has a readable one. */
  id?: string;
  /** The field inside the entry (or the file), dotted: `context.alone`, `hours.1.0.start`. */
  field?: string;
}

export interface ImportProblem {
  /** A path a person can read: "check-in 12 (id 'abc'), field 'at'". */
  where: string;
  what: ProblemCode;
  place: Place;
}

export type ImportResult =
  | { ok: true; data: ExportV2 }
  | { ok: false; problems: ImportProblem[] /** Problems found beyond the ones listed. */; more: number };

const fileProblem = (what: ProblemCode, field?: string): ImportProblem => {
  const place: Place = field ? { section: 'file', field } : { section: 'file' };
  return { where: describePlace(place), what, place };
};

const refuse = (...problems: ImportProblem[]): ImportResult => ({ ok: false, problems, more: 0 });

/** The UTF-8 size of `text`, counting only until it passes `limit`. */
function utf8Length(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether text that JSON.parse refused looks cut off: a string or a bracket left open at the end. */
function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return inString || depth > 0;
}

/** Image formats by their first bytes, as `File#text()` decodes them (a byte past ASCII reads as U+FFFD). */
const IMAGE_START =
  /^(?:\uFFFDPNG\r\n|\uFFFD\uFFFD\uFFFD|GIF8[79]a|RIFF[\s\S]{4}WEBP|BM[\s\S]{4}\0\0|II\*\0|MM\0\*|<svg[\s>]|<\?xml[^>]*>\s*<svg[\s>])/;

/**
 * What a file that isn't JSON seems to be, so the message can name it: a person who picked the
 * journal's Markdown or the CSV (both come from the same panel) learns which file to pick instead.
 * Only what JSON.parse refused comes here; "cut off" is kept for text that starts as JSON.
 */
function kindOf(body: string): ProblemCode {
  const head = body.slice(0, 4096);
  if (IMAGE_START.test(head.trimStart().slice(0, 200))) return 'image';
  // Text has no NULs and few control characters; a binary format decodes into both, or into U+FFFD.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it counts.
  const odd = (head.match(/[\u0000-\u0008\u000e-\u001f\uFFFD]/g) ?? []).length;
  if (head.includes('\0') || odd > head.length / 20) return 'binary';
  const start = head.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return looksTruncated(body) ? 'truncated' : 'not-json';
  if (/^(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(start) || /<\/html>\s*$/i.test(body))
    return 'html';
  const lines = head.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.some((line) => /^(?:#{1,6} |[-*+] |\d+\. |> |```)/.test(line))) return 'markdown';
  if (lines.length >= 2 && isTable(lines.slice(0, 10))) return 'csv';
  return 'text';
}

/** Rows that split into the same number (2 or more) of cells on one separator: a CSV or TSV. */
function isTable(lines: string[]): boolean {
  return [',', ';', '\t'].some((separator) => {
    const counts = lines.map((line) => line.replace(/"(?:[^"]|"")*"/g, '').split(separator).length);
    return counts[0] !== undefined && counts[0] >= 2 && counts.every((count) => count === counts[0]);
  });
}

export function parseImportFile(
  text: string,
  { maxBytes = DEFAULT_MAX_BYTES }: { maxBytes?: number } = {},
): ImportResult {
  if (text.length > maxBytes || utf8Length(text, maxBytes) > maxBytes) return refuse(fileProblem('too-big'));
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return refuse(fileProblem('empty'));

  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch {
    return refuse(fileProblem(kindOf(body)));
  }

  if (typeof root !== 'object' || root === null || Array.isArray(root))
    return refuse(fileProblem('not-outlet'));
  const file = root as Record<string, unknown>;
  if (file.format !== EXPORT_FORMAT) return refuse(fileProblem('not-outlet', 'format'));
  const version = file.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > EXPORT_VERSION)
    return refuse(fileProblem('future-version', 'version'));
  if (version !== 1 && version !== 2) return refuse(fileProblem('unknown-version', 'version'));

  const schema = version === 1 ? ExportV1Schema : ExportV2Schema;
  const result = v.safeParse(schema, file);
  const problems = [
    ...(result.success ? [] : result.issues.map((issue) => fromIssue(issue, file))),
    ...duplicates(file),
  ];
  if (problems.length > 0 || !result.success) return refuseMany(problems);
  return { ok: true, data: result.output.version === 1 ? upgradeV1(result.output) : result.output };
}

function refuseMany(problems: ImportProblem[]): ImportResult {
  const seen = new Set<string>();
  const unique = problems.filter((problem) => {
    const key = `${problem.where}\u0000${problem.what}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    ok: false,
    problems: unique.slice(0, MAX_PROBLEMS),
    more: Math.max(0, unique.length - MAX_PROBLEMS),
  };
}

type Issue = v.BaseIssue<unknown>;
type Key = string | number;

const TIME_FIELDS = new Set(['at', 'exportedAt']);

function codeOf(issue: Issue, path: readonly Key[]): ProblemCode {
  const last = path[path.length - 1];
  const unknownKey = issue.type === 'strict_object' && issue.expected === 'never';
  if (unknownKey) return 'unknown-field';
  if (issue.type === 'strict_object' && issue.input === undefined && issue.expected?.startsWith('"'))
    return 'missing';
  if (typeof last === 'string' && TIME_FIELDS.has(last)) return 'bad-time';
  if (issue.kind === 'schema' && (issue.type === 'picklist' || issue.type === 'literal'))
    return issue.input === undefined ? 'missing' : 'not-allowed';
  if (issue.kind === 'schema') return 'wrong-type';
  switch (issue.type) {
    case 'max_length':
      return typeof issue.input === 'string' ? 'too-long' : 'too-many';
    case 'min_length':
      return 'too-short';
    case 'min_value':
    case 'max_value':
    case 'integer':
      return 'out-of-range';
    case 'regex':
      return 'not-allowed';
    // The one check of its kind: a value kept as it is, past the size of JSON it may take.
    case 'check':
      return issue.message === KEPT_VALUE_TOO_BIG ? 'too-long' : 'invalid';
    default:
      return 'invalid';
  }
}

/** The path of an issue as keys, the unknown or missing key itself included. */
function keysOf(issue: Issue): Key[] {
  return (issue.path ?? []).map((item) => (item as { key: Key }).key);
}

/** Text from the file made fit to show: short, and with no control characters to garble the page. */
function readableId(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it strips.
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

/** Maps a path inside the file (v1 or v2) to its section, entry and field. */
function placeOf(path: readonly Key[], file: Record<string, unknown>): Place {
  let [head, ...rest] = path;
  let list: unknown = file[head as string];
  if (head === 'settings') {
    // v1: people sat inside the settings, next to the preferences.
    if (rest[0] === 'trustedPeople') {
      head = 'trustedPeople';
      list = (file.settings as Record<string, unknown> | undefined)?.trustedPeople;
      rest = rest.slice(1);
    } else head = 'preferences';
  }
  const section: Section =
    head === 'preferences'
      ? 'preferences'
      : head === 'trustedPeople'
        ? 'people'
        : head === 'ownOutlets'
          ? 'ownOutlets'
          : head === 'checkIns'
            ? 'checkIns'
            : head === 'setAside'
              ? 'setAside'
              : head === 'unreadable'
                ? 'unreadable'
                : 'file';
  const place: Place = { section };
  if (section === 'file') {
    if (head !== undefined) place.field = readableId(path.join('.'));
    return place;
  }
  if (section !== 'preferences' && typeof rest[0] === 'number') {
    const index = rest[0];
    place.index = index + 1;
    const entry = Array.isArray(list) ? list[index] : undefined;
    const id =
      typeof entry === 'object' && entry !== null ? readableId((entry as { id?: unknown }).id) : undefined;
    if (id !== undefined && section !== 'setAside') place.id = id;
    rest = rest.slice(1);
  }
  if (rest.length > 0) place.field = readableId(rest.join('.'));
  return place;
}

const SECTION_WORDS: Record<Section, [list: string, entry: string]> = {
  file: ['the file', 'the file'],
  preferences: ['preferences', 'preferences'],
  people: ['trusted people', 'trusted person'],
  ownOutlets: ['own outlets', 'own outlet'],
  checkIns: ['check-ins', 'check-in'],
  setAside: ['set-aside values', 'set-aside value'],
  unreadable: ['unreadable values', 'unreadable value'],
};

/** "check-in 12 (id 'abc'), field 'at'": where to look in the file, for a person or a bug report. */
export function describePlace(place: Place): string {
  const [list, entry] = SECTION_WORDS[place.section];
  if (place.section === 'file') return place.field ? `field '${place.field}'` : 'the file';
  if (place.section === 'preferences') return place.field ? `preference '${place.field}'` : 'preferences';
  let where = place.index === undefined ? list : `${entry} ${place.index}`;
  if (place.id !== undefined) where += ` (id '${place.id}')`;
  if (place.field !== undefined) where += `, field '${place.field}'`;
  return where;
}

function fromIssue(issue: Issue, file: Record<string, unknown>): ImportProblem {
  const path = keysOf(issue);
  const place = placeOf(path, file);
  return { where: describePlace(place), what: codeOf(issue, path), place };
}

/** Two entries of one list with the same id: which would win is a guess, so the file is refused. */
function duplicates(file: Record<string, unknown>): ImportProblem[] {
  const settings = file.settings as Record<string, unknown> | undefined;
  const lists: [Key[], unknown][] = [
    [['checkIns'], file.checkIns],
    file.version === 1
      ? [['settings', 'trustedPeople'], settings?.trustedPeople]
      : [['trustedPeople'], file.trustedPeople],
    [['ownOutlets'], file.ownOutlets],
  ];
  const problems: ImportProblem[] = [];
  for (const [path, list] of lists) {
    if (!Array.isArray(list)) continue;
    const seen = new Set<string>();
    list.forEach((entry: unknown, index) => {
      const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') return;
      if (seen.has(id)) {
        const place = placeOf([...path, index, 'id'], file);
        problems.push({ where: describePlace(place), what: 'duplicate-id', place });
      }
      seen.add(id);
    });
  }
  return problems;
}

/** A check-in in a file that differs from the one stored under its id. */
export interface Differing {
  stored: CheckIn;
  incoming: CheckIn;
}

/** What to keep of one: the stored one (`mine`), the file's over it, or both. */
export type DifferChoice = 'mine' | 'file' | 'both';

/**
 * The entries to write for the person's choices, one choice per differing entry (a missing one
 * means `mine`): the file's as it is over the stored one, or with a new id beside it.
 */
export function chosenEntries(
  differing: readonly Differing[],
  choices: readonly DifferChoice[],
  newId: () => string,
): CheckIn[] {
  const entries: CheckIn[] = [];
  differing.forEach(({ incoming }, i) => {
    if (choices[i] === 'file') entries.push(incoming);
    else if (choices[i] === 'both') entries.push({ ...incoming, id: newId() });
  });
  return entries;
}
