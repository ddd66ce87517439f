// Checks of what a person types into settings, with a reason the UI can put into words.
// Kept apart from schema.ts so that only the settings pages carry them.
import { INTERVAL_MAX, INTERVAL_MIN, type TrustedPerson } from './schema';

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

/** Checks a trusted person typed into settings. Phone and email are optional, but must look real. */
export function parsePersonInput(input: { name: string; phone: string; email: string }): PersonInputResult {
  const name = input.name.trim();
  const phone = input.phone.trim();
  const email = input.email.trim();
  if (name === '') return { ok: false, field: 'name', reason: 'empty' };
  if (name.length > 60) return { ok: false, field: 'name', reason: 'too-long' };
  if (phone !== '' && !/^\+?[\d\s().-]{3,30}$/.test(phone))
    return { ok: false, field: 'phone', reason: 'invalid' };
  if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    return { ok: false, field: 'email', reason: 'invalid' };
  return {
    ok: true,
    person: { name, ...(phone ? { phone } : {}), ...(email ? { email } : {}) },
  };
}
