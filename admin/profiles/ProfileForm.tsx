/**
 * The form that creates or edits a kiosk profile. Inputs are uncontrolled (defaultValue): the page
 * re-renders as staff type (polling, uploads) and must not undo it. Rules and slides carry keys
 * that stay put while the form is open (profile-form.ts); pictures live in the page machine's
 * image slots and reach the form as hidden inputs.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { KIOSK_MODES } from '../../shared/api/schemas';
import { IDLE_COUNTDOWN_SECONDS, IDLE_TIMEOUT_SECONDS, MAX_SLIDES, OFFLINE_ITEMS_PER_CARD } from '../../shared/api/fleet-schemas';
import { PROFILE_IMAGE_MAX_MB, PROFILE_IMAGE_TYPES, type ProfileImageKind } from '../../shared/api/kiosk-slides';
import { profileImagePath } from '../../shared/api/routes';
import { CHECK_DIGIT_ALGORITHMS, ScanRules, type BarcodeRule } from '../../shared/barcodes';
import { useT } from '../shell/i18n-context';
import { asList, profileInputOf, RULE_KINDS, rulesOf, triedBarcode, type FormKeys, type RuleKind } from './profile-form';
import { LOGO_SLOT, slideSlot, type ImageSlot, type ProfileDraft, type ProfilesPageEvent } from './profiles-page-machine';
import './profiles.css';

type Send = (event: ProfilesPageEvent) => void;

interface ProfileFormProps {
  draft: ProfileDraft;
  cameraLabels: string[];
  problems: string[];
  images: Record<string, ImageSlot>;
  busy: boolean;
  send: Send;
}

const RECEIPTS = ['ask', 'always', 'never'] as const;
const CHARSETS = ['digits', 'alphanumeric', 'printable'] as const;
const keysUpTo = (count: number) => Array.from({ length: count }, (_, index) => index);

export function ProfileForm({ draft, cameraLabels, problems, images, busy, send }: ProfileFormProps) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { name, settings } = draft.input;
  const rules = settings.scanRules ?? { card: [], item: [] };
  const initialRules = { card: asList(rules.card), item: asList(rules.item) };
  // Keys of the rules and slides shown; a new one takes `next`, so no key is used twice.
  const [keys, setKeys] = useState<FormKeys>(() => ({
    rules: { card: keysUpTo(Math.max(1, initialRules.card.length)), item: keysUpTo(Math.max(1, initialRules.item.length)) },
    slides: keysUpTo(settings.slides.length),
  }));
  const [next, setNext] = useState(Math.max(MAX_SLIDES, initialRules.card.length, initialRules.item.length));
  const [libraryRules, setLibraryRules] = useState(settings.scanRules === null);
  const [ownName, setOwnName] = useState(settings.libraryName === null);
  const [tried, setTried] = useState('');
  const [formRules, setFormRules] = useState<unknown>(settings.scanRules);
  const cameras = settings.cameraLabel && !cameraLabels.includes(settings.cameraLabel) ? [settings.cameraLabel, ...cameraLabels] : cameraLabels;
  const triable = ScanRules.safeParse(formRules);
  const uploading = Object.values(images).some((image) => image.uploading);

  // "Try a barcode" follows the rules shown, after one is added or removed too.
  const readRules = () => {
    if (form.current) setFormRules(rulesOf(new FormData(form.current), keys.rules));
  };
  useEffect(readRules, [keys, libraryRules]);

  const takeKey = () => {
    setNext(next + 1);
    return next;
  };
  const addRule = (kind: RuleKind) => setKeys({ ...keys, rules: { ...keys.rules, [kind]: [...keys.rules[kind], takeKey()] } });
  const removeRule = (kind: RuleKind, key: number) => setKeys({ ...keys, rules: { ...keys.rules, [kind]: keys.rules[kind].filter((shown) => shown !== key) } });
  const addSlide = () => setKeys({ ...keys, slides: [...keys.slides, takeKey()] });
  const removeSlide = (key: number) => {
    setKeys({ ...keys, slides: keys.slides.filter((shown) => shown !== key) });
    send({ type: 'image.removed', slot: slideSlot(key) });
  };

  function submit(event: Event) {
    event.preventDefault();
    send({ type: 'profile.save', input: profileInputOf(new FormData(event.currentTarget as HTMLFormElement), keys) });
  }

  return (
    <form ref={form} class="panel profile-form" onSubmit={submit} onInput={readRules} noValidate>
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
        <legend>{t('admin.profile.field.logo')}</legend>
        <ImageField name="logo" slot={LOGO_SLOT} kind="logo" label={t('admin.profile.image.chooseLogo')} image={images[LOGO_SLOT]} send={send} />
      </fieldset>

      <fieldset>
        <legend>{t('admin.profile.field.slides')}</legend>
        {keys.slides.map((key, index) => {
          const slide = settings.slides[key];
          return (
            <fieldset key={key} class="slide-fields">
              <legend>{t('admin.profile.slide.legend', { n: index + 1 })}</legend>
              <label>
                {t('admin.profile.slide.zh')}
                <input name={`slide.${key}.zh-CN`} lang="zh-CN" defaultValue={slide?.text['zh-CN'] ?? ''} maxLength={200} />
              </label>
              <label>
                {t('admin.profile.slide.en')}
                <input name={`slide.${key}.en`} lang="en" defaultValue={slide?.text.en ?? ''} maxLength={200} />
              </label>
              <ImageField name={`slide.${key}.image`} slot={slideSlot(key)} kind="slide" label={t('admin.profile.image.chooseSlide', { n: index + 1 })} image={images[slideSlot(key)]} send={send} />
              <div class="row-actions">
                <button type="button" class="button" onClick={() => removeSlide(key)}>
                  {t('admin.profile.slide.remove')}
                </button>
              </div>
            </fieldset>
          );
        })}
        {keys.slides.length < MAX_SLIDES && (
          <div class="row-actions">
            <button type="button" class="button" onClick={addSlide}>
              {t('admin.profile.slide.add')}
            </button>
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('admin.profile.field.scanRules')}</legend>
        <Checkbox name="libraryRules" label={t('admin.profile.libraryRules')} checked={libraryRules} onChange={setLibraryRules} />
        {!libraryRules &&
          RULE_KINDS.map((kind) => (
            <div key={kind} class="rule-list">
              {keys.rules[kind].map((key, index) => (
                <RuleFields
                  key={`${kind}.${key}`}
                  kind={kind}
                  ruleKey={key}
                  position={index + 1}
                  rule={initialRules[kind][key]}
                  // A kind needs one rule at least: the library's rules are the choice for none of one's own.
                  onRemove={keys.rules[kind].length > 1 ? () => removeRule(kind, key) : null}
                />
              ))}
              <div class="row-actions">
                <button type="button" class="button" onClick={() => addRule(kind)}>
                  {t(`admin.profile.rules.add${kind}`)}
                </button>
              </div>
            </div>
          ))}
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
        <button type="submit" class="button primary" disabled={busy || uploading}>
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

interface ImageFieldProps {
  /** The hidden input the form reads the picture's id from. */
  name: string;
  slot: string;
  kind: ProfileImageKind;
  label: string;
  image: ImageSlot | undefined;
  send: Send;
}

/** A picture: the one chosen now (a preview), a file input that uploads at once, and Remove. */
function ImageField({ name, slot, kind, label, image, send }: ImageFieldProps) {
  const t = useT();
  const id = image?.id ?? null;
  const hint = `${slot}-hint`;
  function chosen(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file) send({ type: 'image.chosen', slot, kind, file, name: file.name });
    // The same file chosen again (after Remove) is a change too.
    input.value = '';
  }
  return (
    <div class={`image-field image-field-${kind}`}>
      <input type="hidden" name={name} value={id ?? ''} />
      {id !== null && <img class="image-preview" src={profileImagePath(id)} alt={t('admin.profile.image.current')} />}
      <div class="row-actions">
        {/* The browser's own file button speaks the browser's language: ours speaks the staff member's. */}
        <label class={image?.uploading ? 'button file-button disabled' : 'button file-button'}>
          {label}
          <input type="file" class="visually-hidden" accept={PROFILE_IMAGE_TYPES.join(',')} onChange={chosen} disabled={image?.uploading} aria-describedby={hint} />
        </label>
        {id !== null && (
          <button type="button" class="button" onClick={() => send({ type: 'image.removed', slot })}>
            {t('admin.profile.image.remove')}
          </button>
        )}
      </div>
      <p id={hint} class="muted">
        {t('admin.profile.image.hint', { mb: PROFILE_IMAGE_MAX_MB })}
      </p>
      {image?.uploading && <p role="status">{t('admin.profile.image.uploading')}</p>}
      {image?.problem && (
        <p role="alert" class="notice refused">
          {t(image.problem)}
        </p>
      )}
    </div>
  );
}

interface RuleFieldsProps {
  kind: RuleKind;
  ruleKey: number;
  /** Its place in the list, from 1. */
  position: number;
  rule: BarcodeRule | undefined;
  onRemove: (() => void) | null;
}

function RuleFields({ kind, ruleKey, position, rule, onRemove }: RuleFieldsProps) {
  const t = useT();
  const prefix = `${kind}.${ruleKey}`;
  return (
    <fieldset class="rule-fields">
      <legend>
        {t(`admin.profile.rules.${kind}`)} {position}
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
      {onRemove && (
        <div class="row-actions">
          <button type="button" class="button" onClick={onRemove}>
            {t('admin.profile.rule.remove')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
