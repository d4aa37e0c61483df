/**
 * Which field of a form the hub refused and why, for forms with many fields (kiosk profiles): the
 * admin panel translates `reason` with the field's own label, in the staff member's language.
 */
import { z } from 'zod/mini';

export const FIELD_PROBLEM_REASONS = [
  'required',
  'tooSmall',
  'tooBig',
  'tooShort',
  'tooLong',
  'notAllowed',
  'invalid',
  /** The idle warning must be shorter than the idle timeout it ends. */
  'notShorterThanIdle',
  /** A barcode rule's maximum length below its minimum, a check digit without digits only, and the like. */
  'ruleInconsistent',
  /** A slide with a picture needs its text, which patrons who cannot see the picture hear instead. */
  'imageNeedsText',
  /** The picture is not (or no longer) on the hub: upload it again. */
  'imageUnknown',
  /** A SIP2 setting with `|` (SIP2's field separator) or a control character. */
  'sip2Characters',
  /** An environment variable sets this setting: the panel cannot change it. */
  'setByEnvironment',
] as const;
export type FieldProblemReason = (typeof FIELD_PROBLEM_REASONS)[number];

export const FieldProblem = z.object({
  /** The field's path, dot-separated: `idleTimeoutSeconds`, `scanRules.card.0.minLength`. */
  field: z.string().check(z.maxLength(200)),
  reason: z.enum(FIELD_PROBLEM_REASONS),
  /** tooSmall/tooBig: the bound; tooShort/tooLong: the length bound. */
  limit: z.optional(z.number()),
});
export type FieldProblem = z.infer<typeof FieldProblem>;

/**
 * A missing field reads as `required` whatever locale zod has (zod/mini, which the kiosk's schemas
 * use, loads none): {@link fieldProblems} tells it by this message.
 */
const FORM_PARSE: z.core.ParseContext<z.core.$ZodIssue> = {
  error: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'required' : undefined),
};

/** A form parsed: its data, or (data null) what is wrong with it by field. */
export type ParsedForm<T> = { data: T; problems: [] } | { data: null; problems: FieldProblem[] };

export function parseForm<S extends z.core.$ZodType<object>>(schema: S, input: unknown): ParsedForm<z.output<S>> {
  const parsed = z.safeParse(schema, input, FORM_PARSE);
  return parsed.success ? { data: parsed.data, problems: [] } : { data: null, problems: fieldProblems(parsed.error) };
}

/** A zod failure as field problems: the first problem of each field, in schema order. */
function fieldProblems(error: z.core.$ZodError): FieldProblem[] {
  const byField = new Map<string, FieldProblem>();
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (!byField.has(field)) byField.set(field, problemOf(issue, field));
  }
  return [...byField.values()];
}

function problemOf(issue: z.core.$ZodIssue, field: string): FieldProblem {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? { field, reason: issue.minimum === 1 ? 'required' : 'tooShort', limit: Number(issue.minimum) }
        : { field, reason: 'tooSmall', limit: Number(issue.minimum) };
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? { field, reason: 'tooLong', limit: Number(issue.maximum) }
        : { field, reason: 'tooBig', limit: Number(issue.maximum) };
    case 'invalid_type':
      // Issues carry no input unless asked to (it could be anything a client sent): FORM_PARSE says what came.
      return { field, reason: issue.message === 'required' ? 'required' : 'invalid' };
    case 'invalid_value':
    case 'unrecognized_keys':
      return { field, reason: 'notAllowed' };
    default:
      // Refinements name their reason in the message (see ProfileSettings and BarcodeRule).
      if (isReason(issue.message)) return { field, reason: issue.message };
      return issue.code === 'custom' ? { field, reason: 'ruleInconsistent' } : { field, reason: 'invalid' };
  }
}

const isReason = (message: string): message is FieldProblemReason => (FIELD_PROBLEM_REASONS as readonly string[]).includes(message);
