/** The Profiles page: the kiosk profiles, the form to create or edit one, delete. It renders the page machine's snapshot and sends it events. */
import { useState } from 'preact/hooks';
import type { Actor } from 'xstate';
import { KIOSK_MODES } from '../../shared/api/schemas';
import { IDLE_COUNTDOWN_SECONDS, IDLE_TIMEOUT_SECONDS, MAX_SLIDES, OFFLINE_ITEMS_PER_CARD, type Profile } from '../../shared/api/fleet-schemas';
import { CHECK_DIGIT_ALGORITHMS, ScanRules, type BarcodeRule } from '../../shared/barcodes';
import { useSelector } from '../../shared/ui/use-selector';
import { useT } from '../shell/i18n-context';
import { asList, problemText, profileInputOf, RULE_KINDS, rulesOf, triedBarcode, type RuleKind } from './profile-form';
import type { ProfileDraft, ProfilesPageEvent, ProfilesPageMachine } from './profiles-page-machine';
// Inputs are uncontrolled (defaultValue): the page re-renders as staff type, and must not undo it.
import '../kiosks/kiosks.css';

export type ProfilesPageActor = Actor<ProfilesPageMachine>;
type Send = (event: ProfilesPageEvent) => void;

export function ProfilesPage({ actor }: { actor: ProfilesPageActor }) {
  const t = useT();
  const context = useSelector(actor, (snapshot) => snapshot.context);
  const state = useSelector(actor, (snapshot) => (snapshot.matches('loading') ? 'loading' : snapshot.matches('failed') ? 'failed' : snapshot.matches({ ready: 'idle' }) ? 'idle' : 'working'));
  const send: Send = (event) => actor.send(event);
  const busy = state === 'working';

  return (
    <div class="profiles-page">
      <h1>{t('admin.profiles.title')}</h1>
      {context.notice && (
        <p role={context.notice.tone === 'done' ? 'status' : 'alert'} class={`notice ${context.notice.tone}`}>
          {t(context.notice.key, { name: context.notice.name ?? '' })}
        </p>
      )}
      {state === 'loading' && <p role="status">{t('admin.staff.loading')}</p>}
      {state === 'failed' && context.loadError && (
        <div class="load-failed" role="alert">
          <p>{t(context.loadError)}</p>
          <button type="button" class="button" onClick={() => send({ type: 'list.reload' })}>
            {t('admin.ebooks.reload')}
          </button>
        </div>
      )}
      {context.view && (
        <>
          <ul class="profile-list">
            {context.view.profiles.map((profile) => (
              <ProfileItem key={profile.id} profile={profile} deleting={context.deleting === profile.id} busy={busy} send={send} />
            ))}
          </ul>
          {context.draft === null ? (
            <button type="button" class="button primary" onClick={() => send({ type: 'profile.new' })}>
              {t('admin.profiles.new')}
            </button>
          ) : (
            <ProfileForm
              key={context.draft.id ?? 'new'}
              draft={context.draft}
              cameraLabels={context.view.cameraLabels}
              problems={context.problems.map((problem) => problemText(problem, t))}
              busy={busy}
              send={send}
            />
          )}
        </>
      )}
    </div>
  );
}

function ProfileItem({ profile, deleting, busy, send }: { profile: Profile; deleting: boolean; busy: boolean; send: Send }) {
  const t = useT();
  return (
    <li class="panel profile-item">
      <strong>{profile.name}</strong> <span class="muted">{t('admin.profiles.kioskCount', { count: profile.kioskCount })}</span>
      <div class="row-actions">
        {deleting ? (
          <div role="alertdialog" aria-labelledby={`delete-${profile.id}`} class="confirm">
            <p id={`delete-${profile.id}`}>{t('admin.profiles.delete.confirm', { name: profile.name })}</p>
            <button type="button" class="button danger" disabled={busy} onClick={() => send({ type: 'delete.confirmed' })}>
              {t('admin.profiles.confirm.yes')}
            </button>
            <button type="button" class="button" onClick={() => send({ type: 'delete.cancelled' })}>
              {t('admin.profiles.confirm.no')}
            </button>
          </div>
        ) : (
          <>
            <button type="button" class="button" disabled={busy} onClick={() => send({ type: 'profile.edit', profileId: profile.id })}>
              {t('admin.profiles.edit')}
            </button>
            <button type="button" class="button" disabled={busy} onClick={() => send({ type: 'delete.chosen', profileId: profile.id })}>
              {t('admin.profiles.delete')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

interface ProfileFormProps {
  draft: ProfileDraft;
  cameraLabels: string[];
  problems: string[];
  busy: boolean;
  send: Send;
}

const RECEIPTS = ['ask', 'always', 'never'] as const;
const CHARSETS = ['digits', 'alphanumeric', 'printable'] as const;

function ProfileForm({ draft, cameraLabels, problems, busy, send }: ProfileFormProps) {
  const t = useT();
  const { name, settings } = draft.input;
  const [slideCount, setSlideCount] = useState(settings.slides.length);
  const [libraryRules, setLibraryRules] = useState(settings.scanRules === null);
  const [ownName, setOwnName] = useState(settings.libraryName === null);
  const [tried, setTried] = useState('');
  const [formRules, setFormRules] = useState<unknown>(settings.scanRules);
  const rules = settings.scanRules ?? { card: [], item: [] };
  const counts: Record<RuleKind, number> = { card: Math.max(1, asList(rules.card).length), item: Math.max(1, asList(rules.item).length) };
  const cameras = settings.cameraLabel && !cameraLabels.includes(settings.cameraLabel) ? [settings.cameraLabel, ...cameraLabels] : cameraLabels;
  const triable = ScanRules.safeParse(formRules);

  const formData = (event: Event) => new FormData(event.currentTarget as HTMLFormElement);
  function submit(event: Event) {
    event.preventDefault();
    send({ type: 'profile.save', input: profileInputOf(formData(event), counts, slideCount) });
  }

  return (
    <form class="panel profile-form" onSubmit={submit} onInput={(event) => setFormRules(rulesOf(formData(event), counts))} noValidate>
      <h2>{draft.id === null ? t('admin.profiles.new') : name}</h2>
      {problems.length > 0 && (
        <div role="alert">
          <ul class="problems">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <label>
        {t('admin.profile.field.name')}
        <input name="name" defaultValue={name} maxLength={60} required />
      </label>
      <label>
        {t('admin.profile.field.mode')}
        <select name="mode">
          {KIOSK_MODES.map((mode) => (
            <option key={mode} value={mode} selected={mode === settings.mode}>
              {t(`admin.profile.mode.${mode}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('admin.profile.field.defaultLanguage')}
        <select name="defaultLanguage">
          {/* Each language by its own name. */}
          <option value="zh-CN" lang="zh-CN" selected={settings.defaultLanguage === 'zh-CN'}>
            中文
          </option>
          <option value="en" lang="en" selected={settings.defaultLanguage === 'en'}>
            English
          </option>
        </select>
      </label>
      <Checkbox name="languageSwitch" label={t('admin.profile.field.languageSwitch')} checked={settings.languageSwitch} />
      <label>
        {t('admin.profile.field.idleTimeoutSeconds')}
        <input name="idleTimeoutSeconds" type="number" inputMode="numeric" min={IDLE_TIMEOUT_SECONDS.min} max={IDLE_TIMEOUT_SECONDS.max} defaultValue={settings.idleTimeoutSeconds} />
      </label>
      <label>
        {t('admin.profile.field.idleCountdownSeconds')}
        <input name="idleCountdownSeconds" type="number" inputMode="numeric" min={IDLE_COUNTDOWN_SECONDS.min} max={IDLE_COUNTDOWN_SECONDS.max} defaultValue={settings.idleCountdownSeconds} />
      </label>
      <Checkbox name="sound" label={t('admin.profile.field.sound')} checked={settings.sound} />
      <label>
        {t('admin.profile.field.receipt')}
        <select name="receipt">
          {RECEIPTS.map((receipt) => (
            <option key={receipt} value={receipt} selected={receipt === settings.receipt}>
              {t(`admin.profile.receipt.${receipt}`)}
            </option>
          ))}
        </select>
      </label>
      <Checkbox name="phoneReceipt" label={t('admin.profile.field.phoneReceipt')} checked={settings.phoneReceipt} />
      <label>
        {t('admin.profile.field.cameraLabel')}
        <select name="cameraLabel">
          <option value="" selected={settings.cameraLabel === null}>
            {t('admin.profile.camera.ask')}
          </option>
          {cameras.map((label) => (
            <option key={label} value={label} selected={label === settings.cameraLabel} translate={false}>
              {label}
            </option>
          ))}
        </select>
      </label>

      <fieldset>
        <legend>{t('admin.profile.field.libraryName')}</legend>
        <Checkbox name="libraryNameOwn" label={t('admin.profile.libraryName.own')} checked={ownName} onChange={setOwnName} />
        {!ownName && (
          <>
            <label>
              {t('admin.profile.slide.zh')}
              <input name="libraryName.zh-CN" lang="zh-CN" defaultValue={settings.libraryName?.['zh-CN'] ?? ''} maxLength={60} />
            </label>
            <label>
              {t('admin.profile.slide.en')}
              <input name="libraryName.en" lang="en" defaultValue={settings.libraryName?.en ?? ''} maxLength={60} />
            </label>
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('admin.profile.field.slides')}</legend>
        {Array.from({ length: slideCount }, (_, index) => (
          <div key={index} class="slide-fields">
            <label>
              {t('admin.profile.slide.zh')} {index + 1}
              <input name={`slide.${index}.zh-CN`} lang="zh-CN" defaultValue={settings.slides[index]?.text['zh-CN'] ?? ''} maxLength={200} />
            </label>
            <label>
              {t('admin.profile.slide.en')} {index + 1}
              <input name={`slide.${index}.en`} lang="en" defaultValue={settings.slides[index]?.text.en ?? ''} maxLength={200} />
            </label>
          </div>
        ))}
        <div class="row-actions">
          {slideCount < MAX_SLIDES && (
            <button type="button" class="button" onClick={() => setSlideCount(slideCount + 1)}>
              {t('admin.profile.slide.add')}
            </button>
          )}
          {slideCount > 0 && (
            <button type="button" class="button" onClick={() => setSlideCount(slideCount - 1)}>
              {t('admin.profile.slide.remove')}
            </button>
          )}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('admin.profile.field.scanRules')}</legend>
        <Checkbox name="libraryRules" label={t('admin.profile.libraryRules')} checked={libraryRules} onChange={setLibraryRules} />
        {!libraryRules &&
          RULE_KINDS.map((kind) =>
            Array.from({ length: counts[kind] }, (_, index) => <RuleFields key={`${kind}.${index}`} kind={kind} index={index} rule={asList(rules[kind])[index]} />),
          )}
        {!libraryRules && (
          <label>
            {t('admin.profile.try.label')}
            <input name="try" autocomplete="off" spellcheck={false} value={tried} onInput={(event) => setTried((event.currentTarget as HTMLInputElement).value)} aria-describedby="try-result" />
          </label>
        )}
        {!libraryRules && tried !== '' && (
          <p id="try-result" role="status" data-testid="try-result">
            {triable.success ? triedBarcode(tried, triable.data, t) : t('admin.problem.ruleInconsistent', { field: t('admin.profile.field.scanRules') })}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('admin.profile.field.offline')}</legend>
        <p class="muted">{t('admin.profile.offline.hint')}</p>
        <Checkbox name="offline.returnsQueued" label={t('admin.profile.field.offline.returnsQueued')} checked={settings.offline.returnsQueued} />
        <Checkbox name="offline.borrowing" label={t('admin.profile.field.offline.borrowing')} checked={settings.offline.borrowing} />
        <label>
          {t('admin.profile.field.offline.maxItemsPerCard')}
          <input name="offline.maxItemsPerCard" type="number" inputMode="numeric" min={OFFLINE_ITEMS_PER_CARD.min} max={OFFLINE_ITEMS_PER_CARD.max} defaultValue={settings.offline.maxItemsPerCard} />
        </label>
      </fieldset>

      <div class="row-actions">
        <button type="submit" class="button primary" disabled={busy}>
          {t('admin.profiles.save')}
        </button>
        <button type="button" class="button" onClick={() => send({ type: 'form.cancelled' })}>
          {t('admin.profiles.cancel')}
        </button>
      </div>
    </form>
  );
}

function Checkbox({ name, label, checked, onChange }: { name: string; label: string; checked: boolean; onChange?: (checked: boolean) => void }) {
  return (
    <label class="checkbox">
      <input type="checkbox" name={name} defaultChecked={checked} onChange={onChange && ((event) => onChange((event.currentTarget as HTMLInputElement).checked))} />
      {label}
    </label>
  );
}

function RuleFields({ kind, index, rule }: { kind: RuleKind; index: number; rule: BarcodeRule | undefined }) {
  const t = useT();
  const prefix = `${kind}.${index}`;
  return (
    <fieldset class="rule-fields">
      <legend>
        {t(`admin.profile.rules.${kind}`)} {index + 1}
      </legend>
      <label>
        {t('admin.profile.rule.minLength')}
        <input name={`${prefix}.minLength`} type="number" min={1} max={32} defaultValue={rule?.minLength ?? 8} />
      </label>
      <label>
        {t('admin.profile.rule.maxLength')}
        <input name={`${prefix}.maxLength`} type="number" min={1} max={32} defaultValue={rule?.maxLength ?? 8} />
      </label>
      <label>
        {t('admin.profile.rule.prefixes')}
        <input name={`${prefix}.prefixes`} defaultValue={rule?.prefixes?.join(', ') ?? ''} autocomplete="off" spellcheck={false} />
      </label>
      <label>
        {t('admin.profile.rule.charset')}
        <select name={`${prefix}.charset`}>
          {CHARSETS.map((charset) => (
            <option key={charset} value={charset} selected={charset === (rule?.charset ?? 'digits')}>
              {t(`admin.profile.rule.charset.${charset}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('admin.profile.rule.checkDigit')}
        <select name={`${prefix}.checkDigit`}>
          {CHECK_DIGIT_ALGORITHMS.map((algorithm) => (
            <option key={algorithm} value={algorithm} selected={algorithm === (rule?.checkDigit ?? 'none')}>
              {t(`admin.profile.rule.checkDigit.${algorithm}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'item' && <Checkbox name={`${prefix}.acceptIsbn`} label={t('admin.profile.rule.acceptIsbn')} checked={rule?.acceptIsbn ?? false} />}
    </fieldset>
  );
}
