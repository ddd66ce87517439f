// Checks of what a person types into settings, with a reason the UI can put into words.
// Kept apart from schema.ts so that only the settings pages carry them.
import * as v from 'valibot';
import { INTERVAL_MAX, INTERVAL_MIN, personFields, type TrustedPerson } from './schema';

export type IntervalInputResult =
  | { ok: true; minutes: number }
  | { ok: false; reason: 'empty' | 'not-a-number' | 'too-small' | 'too-large' | 'not-whole' };

/** Checks what a person typed as their nudge interval, with a reason the UI can explain. */
export function parseIntervalInput(text: string): IntervalInputResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return { ok: false, reason: 'not-a-number' };
  const minutes = Number(trimmed);
  if (!Number.isInteger(minutes)) return { ok: false, reason: 'not-whole' };
  if (minutes < INTERVAL_MIN) return { ok: false, reason: 'too-small' };
  if (minutes > INTERVAL_MAX) return { ok: false, reason: 'too-large' };
  return { ok: true, minutes };
}

export type PersonInputResult =
  | { ok: true; person: Omit<TrustedPerson, 'id'> }
  | { ok: false; field: 'name' | 'phone' | 'email'; reason: 'empty' | 'too-long' | 'invalid' };

const PersonInputSchema = v.object(personFields);

/**
 * Checks a trusted person typed into settings against the very schema storage keeps them by
 * (core/schema.ts), so the form refuses exactly what storage would. Phone and email are optional.
 */
export function parsePersonInput(input: { name: string; phone: string; email: string }): PersonInputResult {
  const phone = input.phone.trim();
  const email = input.email.trim();
  const result = v.safeParse(PersonInputSchema, {
    name: input.name,
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
  });
  if (result.success) return { ok: true, person: result.output };
  // The first problem, in the form's order: name, then phone, then email.
  const order = ['name', 'phone', 'email'] as const;
  const issues = result.issues.map((issue) => ({ field: issue.path?.[0]?.key, type: issue.type }));
  const first = order.map((field) => issues.find((issue) => issue.field === field)).find(Boolean);
  const field = (first?.field ?? 'name') as 'name' | 'phone' | 'email';
  const reason =
    first?.type === 'min_length' ? 'empty' : first?.type === 'max_length' ? 'too-long' : 'invalid';
  return { ok: false, field, reason };
}
