/**
 * The Library system form's plain parts: reading the form into the shape IlsSettingsInput checks
 * (the page machine checks it), and saying a field problem with the field's label. A setting the
 * environment sets is shown read-only and sent back as the hub showed it.
 */
import type { FieldProblem } from '../../shared/api/field-problems';
import type { IlsSettingName, IlsSettingsView } from '../../shared/api/ils-settings-schemas';
import type { StaffMessageKey, StaffTranslate } from '../../shared/i18n/staff';

export const FIELD_LABELS: Record<IlsSettingName, StaffMessageKey> = {
  ils: 'admin.ils.kind',
  host: 'admin.ils.host',
  port: 'admin.ils.port',
  tls: 'admin.ils.tls',
  user: 'admin.ils.user',
  password: 'admin.ils.password',
  location: 'admin.ils.location',
  institution: 'admin.ils.institution',
  encoding: 'admin.ils.encoding',
  terminator: 'admin.ils.terminator',
  timeoutMs: 'admin.ils.timeoutField',
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '');
const number = (form: FormData, name: string) => (text(form, name).trim() === '' ? Number.NaN : Number(text(form, name)));

/** The form as the settings it asks for (unchecked). `view` gives what the environment sets. */
export function ilsInputOf(form: FormData, view: IlsSettingsView): unknown {
  const locked = new Set(view.fromEnvironment);
  const next = view.next.sip2;
  const pick = <T>(name: IlsSettingName, fromForm: T, shown: T): T => (locked.has(name) ? shown : fromForm);
  const newPassword = text(form, 'password');
  const password = locked.has('password')
    ? { action: 'keep' }
    : form.get('clearPassword') === 'on'
      ? { action: 'clear' }
      : newPassword === ''
        ? { action: 'keep' }
        : { action: 'replace', value: newPassword };
  return {
    ils: pick('ils', text(form, 'ils'), view.next.ils),
    sip2: {
      host: pick('host', text(form, 'host').trim(), next.host),
      port: pick('port', number(form, 'port'), next.port),
      tls: pick('tls', form.get('tls') === 'on', next.tls),
      user: pick('user', text(form, 'user').trim(), next.user),
      location: pick('location', text(form, 'location').trim(), next.location),
      institution: pick('institution', text(form, 'institution').trim(), next.institution),
      encoding: pick('encoding', text(form, 'encoding'), next.encoding),
      terminator: pick('terminator', text(form, 'terminator'), next.terminator),
      timeoutMs: pick('timeoutMs', number(form, 'timeoutMs'), next.timeoutMs),
    },
    password,
  };
}

/** The setting a problem's path names: `sip2.port` → port, `password.value` → password. */
export function settingOf(problem: FieldProblem): IlsSettingName | null {
  const [top, key] = problem.field.split('.');
  const name = top === 'sip2' ? key : top;
  return name !== undefined && name in FIELD_LABELS ? (name as IlsSettingName) : null;
}

/** "Port: must be at least 1." — the field by its label, then why. */
export function problemText(problem: FieldProblem, t: StaffTranslate): string {
  const setting = settingOf(problem);
  const field = t(setting ? FIELD_LABELS[setting] : 'admin.ils.form');
  return t(`admin.problem.${problem.reason}`, { field, limit: problem.limit ?? '' });
}
