/**
 * The profile form's plain parts: reading the form into the shape ProfileInput checks (the page
 * machine checks it), trying a barcode against the form's rules, and saying a field problem in
 * the staff member's words. Rules and slides that staff add and remove are named by a key that
 * never changes while the form is open (`card.3.minLength`, `slide.2.en`), so removing one in
 * the middle leaves what was typed in the others where it was.
 */
import type { FieldProblem } from '../../shared/api/field-problems';
import type { ProfileSettings } from '../../shared/api/fleet-schemas';
import { validateBarcode, type BarcodeRule, type BarcodeRules, type ScanRules } from '../../shared/barcodes';
import type { StaffMessageKey, StaffTranslate } from '../../shared/i18n/staff';

export const RULE_KINDS = ['card', 'item'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** A rule list as the form shows it: always a list. */
export const asList = (rules: BarcodeRules): BarcodeRule[] => (Array.isArray(rules) ? rules : [rules]);

const text = (form: FormData, name: string) => String(form.get(name) ?? '');
const number = (form: FormData, name: string) => (text(form, name).trim() === '' ? Number.NaN : Number(text(form, name)));
const checked = (form: FormData, name: string) => form.get(name) === 'on';

function ruleOf(form: FormData, prefix: string, kind: RuleKind): Record<string, unknown> {
  const prefixes = text(form, `${prefix}.prefixes`)
    .split(/[,，\s]+/)
    .map((value) => value.trim().toUpperCase())
    .filter(Boolean);
  return {
    minLength: number(form, `${prefix}.minLength`),
    maxLength: number(form, `${prefix}.maxLength`),
    ...(prefixes.length > 0 ? { prefixes } : {}),
    charset: text(form, `${prefix}.charset`),
    checkDigit: text(form, `${prefix}.checkDigit`),
    ...(kind === 'item' ? { acceptIsbn: checked(form, `${prefix}.acceptIsbn`) } : {}),
  };
}

/** The keys of the rules and slides the form shows, in order. */
export interface FormKeys {
  rules: Record<RuleKind, number[]>;
  slides: number[];
}

/** The form's rules, or null for the library's. */
export function rulesOf(form: FormData, keys: Record<RuleKind, number[]>): unknown {
  if (checked(form, 'libraryRules')) return null;
  const list = (kind: RuleKind) => keys[kind].map((key) => ruleOf(form, `${kind}.${key}`, kind));
  return { card: list('card'), item: list('item') };
}

const imageOf = (form: FormData, name: string) => (text(form, name) === '' ? null : text(form, name));

/** The form as the profile it asks for (unchecked: the page machine checks it with ProfileInput). */
export function profileInputOf(form: FormData, keys: FormKeys): unknown {
  const camera = text(form, 'cameraLabel');
  const settings: Record<keyof ProfileSettings, unknown> = {
    mode: text(form, 'mode'),
    defaultLanguage: text(form, 'defaultLanguage'),
    languageSwitch: checked(form, 'languageSwitch'),
    idleTimeoutSeconds: number(form, 'idleTimeoutSeconds'),
    idleCountdownSeconds: number(form, 'idleCountdownSeconds'),
    sound: checked(form, 'sound'),
    receipt: text(form, 'receipt'),
    phoneReceipt: checked(form, 'phoneReceipt'),
    cameraLabel: camera === '' ? null : camera,
    scanRules: rulesOf(form, keys.rules),
    slides: keys.slides.map((key) => ({
      text: { 'zh-CN': text(form, `slide.${key}.zh-CN`), en: text(form, `slide.${key}.en`) },
      image: imageOf(form, `slide.${key}.image`),
    })),
    libraryName: checked(form, 'libraryNameOwn') ? null : { 'zh-CN': text(form, 'libraryName.zh-CN'), en: text(form, 'libraryName.en') },
    logo: imageOf(form, 'logo'),
    offline: {
      returnsQueued: checked(form, 'offline.returnsQueued'),
      borrowing: checked(form, 'offline.borrowing'),
      maxItemsPerCard: number(form, 'offline.maxItemsPerCard'),
    },
  };
  return { name: text(form, 'name'), settings };
}

/** What "try a barcode" says about `raw` under `rules`: accepted as what, or why not for cards and for items. */
export function triedBarcode(raw: string, rules: ScanRules, t: StaffTranslate): string {
  const card = validateBarcode(rules.card, raw);
  if (card.ok) return t('admin.profile.try.card');
  const item = validateBarcode(rules.item, raw);
  if (item.ok) return t(item.matched === 'isbn' ? 'admin.profile.try.isbn' : 'admin.profile.try.item');
  return t('admin.profile.try.rejected', { card: t(`barcode.reason.${card.reason}`), item: t(`barcode.reason.${item.reason}`) });
}

const FIELD_LABELS: Record<string, StaffMessageKey> = {
  name: 'admin.profile.field.name',
  mode: 'admin.profile.field.mode',
  defaultLanguage: 'admin.profile.field.defaultLanguage',
  languageSwitch: 'admin.profile.field.languageSwitch',
  idleTimeoutSeconds: 'admin.profile.field.idleTimeoutSeconds',
  idleCountdownSeconds: 'admin.profile.field.idleCountdownSeconds',
  sound: 'admin.profile.field.sound',
  receipt: 'admin.profile.field.receipt',
  phoneReceipt: 'admin.profile.field.phoneReceipt',
  cameraLabel: 'admin.profile.field.cameraLabel',
  scanRules: 'admin.profile.field.scanRules',
  slides: 'admin.profile.field.slides',
  libraryName: 'admin.profile.field.libraryName',
  logo: 'admin.profile.field.logo',
  offline: 'admin.profile.field.offline',
};

const OFFLINE_FIELD_LABELS: Record<string, StaffMessageKey> = {
  returnsQueued: 'admin.profile.field.offline.returnsQueued',
  borrowing: 'admin.profile.field.offline.borrowing',
  maxItemsPerCard: 'admin.profile.field.offline.maxItemsPerCard',
};

const RULE_FIELD_LABELS: Record<string, StaffMessageKey> = {
  minLength: 'admin.profile.rule.minLength',
  maxLength: 'admin.profile.rule.maxLength',
  prefixes: 'admin.profile.rule.prefixes',
  charset: 'admin.profile.rule.charset',
  checkDigit: 'admin.profile.rule.checkDigit',
  acceptIsbn: 'admin.profile.rule.acceptIsbn',
};

/** "Idle timeout (seconds): must be at least 10." — the field by its label, then why. */
export function problemText(problem: FieldProblem, t: StaffTranslate): string {
  const [top, key, ...rest] = problem.field.split('.');
  const path = top === 'settings' ? [key ?? '', ...rest] : [top ?? ''];
  const parts = [t(FIELD_LABELS[path[0] ?? ''] ?? 'admin.profile.field.name')];
  if (path[0] === 'scanRules' && (path[1] === 'card' || path[1] === 'item')) {
    parts.push(t(`admin.profile.rules.${path[1]}`));
    const ruleField = path.find((part) => part in RULE_FIELD_LABELS);
    if (ruleField) parts.push(t(RULE_FIELD_LABELS[ruleField]!));
  } else if (path[0] === 'offline' && path[1] !== undefined && path[1] in OFFLINE_FIELD_LABELS) {
    parts.push(t(OFFLINE_FIELD_LABELS[path[1]]!));
  } else if (path[0] === 'slides' && path[1] !== undefined) {
    parts.push(String(Number(path[1]) + 1));
    if (path[2] === 'image') parts.push(t('admin.profile.field.slideImage'));
  }
  return t(`admin.problem.${problem.reason}`, { field: parts.join(' › '), limit: problem.limit ?? '' });
}
