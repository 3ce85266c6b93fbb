// The checks of a custom catalogue record's fields, one function a field: each returns the
// normalised value or records why not in `problems`, so one import reports every bad field.
import { RETRY_KINDS } from '../catalogue/types.ts';
import type { CustomRecord } from './custom-record.ts';

export const FIELD_LIMITS = {
  text: 2000,
  name: 100,
  steps: 20,
  variants: 50,
  delayMs: 86_400_000,
} as const;

const CODE = /^-?\d{1,10}$/;

export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export type Problems = string[];

export function text(
  value: unknown,
  field: string,
  problems: Problems,
  max: number = FIELD_LIMITS.text,
) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.push(`${field} must be text, not ${shown(value)}`);
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed.length > max) problems.push(`${field} is longer than ${max} characters`);
  return trimmed === '' ? undefined : trimmed;
}

export function codeOf(value: unknown, problems: Problems): string | undefined {
  if (value === undefined || value === null || value === '') {
    problems.push('code is missing');
    return undefined;
  }
  const code = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  if (!CODE.test(code.trim())) {
    problems.push(`code '${shown(value)}' is not a number`);
    return undefined;
  }
  return code.trim();
}

export function oneOfList<T extends string>(
  value: unknown,
  field: string,
  allowed: readonly T[],
  problems: Problems,
): T | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const lower = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if ((allowed as readonly unknown[]).includes(lower)) return lower as T;
  problems.push(`${field} '${shown(value)}' is not one of ${allowed.join(', ')}`);
  return undefined;
}

export function httpStatusOf(value: unknown, problems: Problems): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const status = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599) {
    return status;
  }
  problems.push(`HTTP status '${shown(value)}' is not a number from 100 to 599`);
  return undefined;
}

export function retryOf(value: unknown, problems: Problems): CustomRecord['retry'] {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    const kind = oneOfList(value, 'retry', RETRY_KINDS, problems);
    return kind && { kind };
  }
  if (typeof value !== 'object') {
    problems.push(`retry must be a kind or {kind, delayMs, note}, not ${shown(value)}`);
    return undefined;
  }
  const { kind, delayMs, note } = value as Record<string, unknown>;
  const checkedKind = oneOfList(kind, 'retry kind', RETRY_KINDS, problems);
  if (!checkedKind) {
    if (kind === undefined) problems.push('retry has no kind');
    return undefined;
  }
  const retry: NonNullable<CustomRecord['retry']> = { kind: checkedKind };
  if (delayMs !== undefined) {
    const ok = Number.isInteger(delayMs) && (delayMs as number) >= 0;
    if (ok && (delayMs as number) <= FIELD_LIMITS.delayMs) retry.delayMs = delayMs as number;
    else problems.push(`retry delayMs '${shown(delayMs)}' is not a whole number of ms up to a day`);
  }
  const checkedNote = text(note, 'retry note', problems);
  if (checkedNote) retry.note = checkedNote;
  return retry;
}

export function stepsOf(value: unknown, problems: Problems): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const ok = Array.isArray(value) && value.length <= FIELD_LIMITS.steps;
  if (!ok || !value.every((step) => typeof step === 'string')) {
    problems.push(`steps must be a list of at most ${FIELD_LIMITS.steps} texts`);
    return undefined;
  }
  const steps = value.map((step) => text(step, 'a step', problems) ?? '').filter(Boolean);
  return steps.length > 0 ? steps : undefined;
}

export function variantsOf(value: unknown, problems: Problems): CustomRecord['variants'] {
  if (value === undefined || value === null) return undefined;
  const ok = Array.isArray(value) && value.length <= FIELD_LIMITS.variants;
  if (!ok || !value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) {
    problems.push(`variants must be a list of at most ${FIELD_LIMITS.variants} {en, zh}`);
    return undefined;
  }
  const variants: NonNullable<CustomRecord['variants']> = [];
  for (const variant of value as Record<string, unknown>[]) {
    const en = text(variant.en, 'a variant', problems);
    const zh = text(variant.zh, 'a variant', problems);
    if (en) variants.push(zh ? { en, zh } : { en });
  }
  return variants.length > 1 ? variants : undefined;
}

export function messagesOf(fields: Record<string, unknown>, problems: Problems) {
  const { messages } = fields;
  let en = text(fields.message, 'message', problems);
  let zh = text(fields.zh, 'zh', problems);
  if (messages !== undefined) {
    if (typeof messages !== 'object' || messages === null) {
      problems.push('messages must be {en, zh}');
    } else {
      const m = messages as Record<string, unknown>;
      en ??= text(m.en, 'messages.en', problems);
      zh ??= text(m.zh, 'messages.zh', problems);
    }
  }
  return { en, zh };
}

/**
 * Checks one record (from JSON or a table row). `exchange` is the catalogue-level default.
 * Returns the record, or the problems found, each phrased for "<where>: <problem>".
 */
