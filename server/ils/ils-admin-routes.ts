/**
 * The admin panel's Library system page (admin scope: `requireRole(scope, 'admin')`).
 *
 *   GET  /api/admin/ils        the settings the hub runs with and those it will start with, password left out → IlsSettingsView
 *   PUT  /api/admin/ils        IlsSettingsInput: stores them (the password in DATA_DIR/secrets) → IlsSettingsView;
 *                              400 ils.invalid with `problems` (which field, why), `setByEnvironment` for a setting
 *                              its environment variable sets. They take effect when the hub restarts.
 *   POST /api/admin/ils/test   { settings? }: logs in to the SIP2 server with the form's settings, saved or not
 *                              (without: those the hub runs with) and asks its status → IlsConnectionTest
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseForm, type FieldProblem } from '../../shared/api/field-problems';
import {
  IlsSettingsInput,
  ILS_SETTING_NAMES,
  type IlsConnectionTest,
  type IlsSettingName,
  type IlsSettingsView,
  type Sip2View,
} from '../../shared/api/ils-settings-schemas';
import { API } from '../../shared/api/routes';
import type { HubConfig } from '../config';
import { HttpError } from '../http/http-error';
import type { HubServices } from '../hub-services';
import { readStoredIlsSettings, storeIlsSettings, type StoredIlsFields } from './ils-settings-store';
import { mergeIlsSettings, settingsFromEnvironment, sip2SettingsOf, type IlsSettingValues, type SomeIlsSettings } from './sip2/sip2-config';
import { testConnection, type ConnectionTest } from './sip2/test-connection';
import type { Sip2Settings } from './sip2/sip2-settings';

/** IlsTestRequest, with `settings` checked apart so that its problems are named by field. */
const TestBody = z.object({ settings: z.unknown().optional() }).strict();

export interface IlsAdminOptions {
  /** Injectable for tests; the adapter's own by default. */
  test?: (settings: Sip2Settings) => Promise<ConnectionTest>;
}

export function registerAdminIlsRoutes(app: FastifyInstance, { db, audit }: HubServices, config: HubConfig, { test = testConnection }: IlsAdminOptions = {}): void {
  const environment = config.ilsEnvironment;
  const stored = () => readStoredIlsSettings(db, config.dataDir);

  function view(): IlsSettingsView {
    const next = mergeIlsSettings(environment, stored());
    return {
      ils: config.ils,
      sip2: config.sip2 && viewOf(config.sip2),
      next: { ils: next.ils, sip2: viewOf(sip2Of(next)) },
      fromEnvironment: settingsFromEnvironment(environment),
      restartNeeded: !runsWith(config, next),
    };
  }

  /** The form's settings, checked: the schema's rules, then none that contradicts the environment. */
  function parseInput(body: unknown): IlsSettingsInput {
    const form = parseForm(IlsSettingsInput, body);
    if (form.data === null) throw new HttpError(400, 'ils.invalid', { problems: form.problems });
    const problems = environmentConflicts(form.data, environment);
    if (problems.length > 0) throw new HttpError(400, 'ils.invalid', { problems });
    return form.data;
  }

  app.get(API.staffIls, async (): Promise<IlsSettingsView> => view());

  app.put(API.staffIls, async (request): Promise<IlsSettingsView> => {
    const input = parseInput(request.body);
    const current = stored();
    const { password: _password, ...before } = current;
    const beforeNext = mergeIlsSettings(environment, current);
    // What the environment sets is not the panel's: its stored value, if any, stays as it was.
    const fields: StoredIlsFields = { ...before };
    for (const [name, value] of Object.entries({ ils: input.ils, ...input.sip2 })) {
      if (!(name in environment)) Object.assign(fields, { [name]: value });
    }
    storeIlsSettings(db, config.dataDir, fields, input.password);
    const changes = changedSettings(beforeNext, mergeIlsSettings(environment, stored()));
    if (changes.length > 0) audit.recordRequest(request, 'ils.settingsChanged', changes.join('; '));
    return view();
  });

  app.post(API.staffIlsTest, async (request): Promise<IlsConnectionTest> => {
    const body = TestBody.safeParse(request.body ?? {});
    if (!body.success) throw new HttpError(400, 'request.invalid');
    const { settings: form } = body.data;
    const settings = form === undefined ? config.sip2 : sip2SettingsOf(unsaved(parseInput(form), environment, stored()));
    // The embedded ILS is the hub's own database: there is no connection to test.
    if (!settings) throw new HttpError(409, 'request.invalid');
    const result = await test(settings);
    if (!result.ok) return result;
    return { ok: true, online: result.status.online, allows: result.allows, libraryName: result.status.libraryName };
  });
}

function viewOf({ password, ...settings }: Sip2Settings): Sip2View {
  return { ...settings, passwordSet: password !== '' };
}

const sip2Of = ({ ils: _ils, ...settings }: IlsSettingValues): Sip2Settings => settings;

/** The form's settings as the hub would start with them: the password kept from what is stored unless replaced or cleared. */
function unsaved(input: IlsSettingsInput, environment: SomeIlsSettings, stored: SomeIlsSettings): IlsSettingValues {
  const password = input.password.action === 'keep' ? stored.password : input.password.action === 'replace' ? input.password.value : '';
  return mergeIlsSettings(environment, { ...stored, ils: input.ils, ...input.sip2, password: password ?? '' });
}

/** A setting its environment variable sets must come back as the environment has it. */
function environmentConflicts(input: IlsSettingsInput, environment: SomeIlsSettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const name of settingsFromEnvironment(environment)) {
    if (name === 'ils' && input.ils !== environment.ils) problems.push({ field: 'ils', reason: 'setByEnvironment' });
    else if (name === 'password' && input.password.action !== 'keep') problems.push({ field: 'password', reason: 'setByEnvironment' });
    else if (name !== 'ils' && name !== 'password' && input.sip2[name] !== environment[name]) problems.push({ field: `sip2.${name}`, reason: 'setByEnvironment' });
  }
  return problems;
}

/** For the audit log: which settings changed and to what; the password only as replaced or cleared. */
function changedSettings(before: IlsSettingValues, after: IlsSettingValues): string[] {
  return ILS_SETTING_NAMES.filter((name: IlsSettingName) => before[name] !== after[name]).map((name) =>
    name === 'password' ? `password: ${after.password === '' ? 'cleared' : 'replaced'}` : `${name}: ${String(after[name])}`,
  );
}

/** Whether the hub already runs with `next` (a SIP2 password compared too, never shown). */
function runsWith(config: HubConfig, next: IlsSettingValues): boolean {
  if (config.ils !== next.ils) return false;
  if (!config.sip2) return true;
  return ILS_SETTING_NAMES.every((name) => name === 'ils' || config.sip2![name] === next[name]);
}
