// Issue 15 and 16 (item 7): an import capped the file, not its fields: a check-in whose id was 25 MB
// was accepted and grew the database by 52 MB. Every string a file (or storage, or a message) can hold
// must have a maximum length in the one schema. This walks every schema the core exports, so a field
// added later without a cap fails here, not in someone's database.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import * as resume from '../../core/checkin/resume';
import * as exportFormat from '../../core/data/export-format';
import { parseImportFile } from '../../core/data/import';
import * as messages from '../../core/data/messages';
import * as schemas from '../../core/schema';

type Node = {
  kind?: string;
  type?: string;
  pipe?: Node[];
  requirement?: unknown;
  entries?: Record<string, Node>;
  item?: Node;
  items?: Node[];
  wrapped?: Node;
  options?: unknown[];
  rest?: Node;
  key?: Node;
  value?: Node;
  metadata?: Record<string, unknown>;
};

const isSchema = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && (value as Node).kind === 'schema';

/** A piped schema as its innermost base and every action of every pipe around it. */
function unpipe(schema: Node): { base: Node; actions: Node[] } {
  if (!schema.pipe) return { base: schema, actions: [] };
  const [first, ...rest] = schema.pipe;
  const inner = unpipe(first as Node);
  return { base: inner.base, actions: [...inner.actions, ...rest] };
}

const CAPS = new Set(['max_length', 'length']);

/** The paths (`checkIns[].id`) of strings without a maximum length, and of anything unbounded. */
function uncapped(schema: Node, path: string, out: string[]): string[] {
  const { base, actions } = unpipe(schema);
  const capped = actions.some(
    (action) => CAPS.has(action.type ?? '') && typeof action.requirement === 'number',
  );
  switch (base.type) {
    case 'string':
      if (!capped) out.push(path);
      break;
    case 'unknown':
    case 'any': {
      // A value kept as it is (set aside, unreadable) is capped by the size of its JSON.
      const size = actions.find((action) => action.type === 'metadata')?.metadata?.maxJsonLength;
      if (typeof size !== 'number') out.push(`${path} (any value)`);
      else if (v.safeParse(schema as v.GenericSchema, 'x'.repeat(size)).success)
        out.push(`${path} (a value past its ${size} characters passes)`);
      break;
    }
    case 'object':
    case 'strict_object':
    case 'loose_object':
      if (base.type === 'loose_object') out.push(`${path} (unknown fields kept)`);
      for (const [key, entry] of Object.entries(base.entries ?? {})) uncapped(entry, `${path}.${key}`, out);
      break;
    case 'object_with_rest':
      for (const [key, entry] of Object.entries(base.entries ?? {})) uncapped(entry, `${path}.${key}`, out);
      uncapped(base.rest as Node, `${path}.*`, out);
      break;
    case 'array':
      uncapped(base.item as Node, `${path}[]`, out);
      break;
    case 'tuple':
    case 'strict_tuple':
      (base.items ?? []).forEach((item, i) => {
        uncapped(item, `${path}[${i}]`, out);
      });
      break;
    case 'record':
      uncapped(base.key as Node, `${path}{key}`, out);
      uncapped(base.value as Node, `${path}{value}`, out);
      break;
    case 'optional':
    case 'nullable':
    case 'nullish':
    case 'exact_optional':
    case 'non_optional':
    case 'non_nullable':
    case 'non_nullish':
      uncapped(base.wrapped as Node, path, out);
      break;
    case 'union':
    case 'variant':
    case 'intersect':
      for (const option of base.options ?? []) if (isSchema(option)) uncapped(option, path, out);
      break;
    case 'number':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'literal':
    case 'picklist':
    case 'enum':
      break;
    default:
      // A kind of schema this walk doesn't know: it can't vouch for it, so it names it.
      out.push(`${path} (${base.type})`);
  }
  return out;
}

/** Every schema a module exports, and every schema in an exported table of fields. */
function schemasOf(module: Record<string, unknown>, name: string): [string, Node][] {
  const found: [string, Node][] = [];
  for (const [key, value] of Object.entries(module)) {
    if (isSchema(value)) found.push([`${name}.${key}`, value]);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value))
      for (const [field, entry] of Object.entries(value))
        if (isSchema(entry)) found.push([`${name}.${key}.${field}`, entry]);
  }
  return found;
}

const ALL: [string, Node][] = [
  ...schemasOf(schemas, 'schema'),
  ...schemasOf(exportFormat, 'export-format'),
  ...schemasOf(messages, 'messages'),
  ...schemasOf(resume, 'checkin/resume'),
  ['messages.pauseRequest', messages.pauseRequest(0) as unknown as Node],
];

describe('every string in the one schema has a maximum', () => {
  it('finds the schemas it walks (the file format, the stored data, the messages)', () => {
    const names = ALL.map(([name]) => name);
    for (const name of [
      'export-format.ExportV2Schema',
      'export-format.ExportV1Schema',
      'schema.CheckInSchema',
      'schema.TrustedPersonSchema',
      'schema.TimerSchema',
      'messages.TimerRequest',
      'checkin/resume.StoredFlowSchema',
    ])
      expect(names).toContain(name);
  });

  it.each(ALL)('%s: no string without a maximum length', (name, schema) => {
    expect(uncapped(schema, name, [])).toEqual([]);
  });

  it('would notice a string added without one', () => {
    const added = v.strictObject({ id: v.pipe(v.string(), v.maxLength(10)), note: v.optional(v.string()) });
    expect(uncapped(added as unknown as Node, 'added', [])).toEqual(['added.note']);
  });
});

describe('a file whose kept-as-is values are too big', () => {
  const file = (extra: { setAside?: unknown[]; unreadable?: unknown[] }) => {
    const { trustedPeople: _, ...preferences } = schemas.DEFAULT_SETTINGS;
    return JSON.stringify({
      format: 'outlet-export',
      version: 2,
      exportedAt: 1,
      preferences,
      trustedPeople: [],
      checkIns: [],
      setAside: [],
      unreadable: [],
      ...extra,
    });
  };
  const big = 'x'.repeat(exportFormat.KEPT_VALUE_MAX_JSON);

  it('refuses an unreadable entry past the cap, saying where and why', () => {
    expect(parseImportFile(file({ unreadable: [{ id: 'u1', journal: big }] }))).toMatchObject({
      ok: false,
      problems: [{ where: "unreadable value 1 (id 'u1')", what: 'too-long' }],
    });
  });

  it('refuses a set-aside value past the cap', () => {
    expect(parseImportFile(file({ setAside: [{ key: 'pref:hours', at: 1, value: [big] }] }))).toMatchObject({
      ok: false,
      problems: [{ where: "set-aside value 1, field 'value'", what: 'too-long' }],
    });
  });

  it('keeps the largest check-in the stored schema reads, sent with the unreadable ones', () => {
    const long = (n: number, fill: string) => fill.repeat(n);
    const largest = {
      id: long(schemas.ID_MAX_LENGTH, 'i'),
      at: schemas.EPOCH_MS_MAX + 1,
      feeling: long(schemas.ID_MAX_LENGTH, 'f'),
      outletId: long(schemas.ID_MAX_LENGTH, 'o'),
      outcome: 'done',
      journal: long(schemas.JOURNAL_MAX_LENGTH, 'j'),
      shown: Array.from({ length: 10_000 }, () => long(schemas.ID_MAX_LENGTH, 's')),
    };
    expect(v.is(schemas.CheckInSchema, { ...largest, at: 1 })).toBe(true);
    expect(parseImportFile(file({ unreadable: [largest] })).ok).toBe(true);
  });

  it('keeps unreadable and set-aside values of any ordinary size', () => {
    const odd = { id: 7, journal: 'y'.repeat(5000), shown: Array.from({ length: 100 }, (_, i) => `o${i}`) };
    expect(
      parseImportFile(file({ unreadable: [odd, 'junk', null], setAside: [{ key: 'k', at: 1, value: odd }] })),
    ).toMatchObject({ ok: true, data: { unreadable: [odd, 'junk', null] } });
  });
});
