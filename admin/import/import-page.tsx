/** The Import page: the form, the reading progress, preview and report, and the result. Renders the machine's snapshot. */
import { useState } from 'preact/hooks';
import type { Actor } from 'xstate';
import { ITEM_CSV_COLUMNS, PATRON_CSV_COLUMNS, type ImportFormat, type ImportKind } from '../../shared/import/schemas';
import { useSelector } from '../../shared/ui/use-selector';
import { useT } from '../shell/i18n-context';
import { PageShell, refused } from '../shell/page-shell';
import { ImportPreview } from './import-preview';
import { ImportReport } from './import-report';
import type { ImportPageMachine, ImportRequest } from './import-page-machine';
import './import.css';

export type ImportPageActor = Actor<ImportPageMachine>;

export function ImportPage({ actor }: { actor: ImportPageActor }) {
  const t = useT();
  const job = useSelector(actor, (snapshot) => snapshot.context.job);
  const error = useSelector(actor, (snapshot) => snapshot.context.error);
  const step = useSelector(actor, (snapshot) =>
    snapshot.matches('choosing') ? 'choosing' : snapshot.matches('uploading') || snapshot.matches('reading') ? 'reading' : snapshot.matches('saving') ? 'saving' : snapshot.matches('done') ? 'done' : 'checked',
  );
  const again = (
    <button type="button" class="button" onClick={() => actor.send({ type: 'again' })}>
      {t('admin.import.again')}
    </button>
  );
  return (
    <PageShell className="import-page" title={t('admin.import.title')} notice={refused(error)}>
      {step === 'choosing' && <ImportForm onSubmit={(request) => actor.send({ type: 'file.submitted', request })} />}
      {step === 'reading' && (
        <p class="import-progress">
          <label>
            {t('admin.import.reading')}{' '}
            <progress max={job?.progress.of || 1} value={job?.progress.done ?? 0} aria-label={t('admin.import.progress')} />
          </label>
        </p>
      )}
      {job && job.state === 'refused' && job.refusal && (
        <p class="notice refused" role="alert">
          {t(`code.${job.refusal}`)}
          {job.problems.length > 0 && ` (${job.problems.map((problem) => problem.field).join(', ')})`}
        </p>
      )}
      {job && (step === 'checked' || step === 'saving') && job.state === 'ready' && (
        <>
          <p class="import-rows">{t('admin.import.rows', { count: job.rows })}</p>
          <ImportPreview job={job} />
          <ImportReport job={job} />
          <div class="import-actions">
            <button type="button" class="button primary" disabled={job.problemCount > 0 || step === 'saving'} onClick={() => actor.send({ type: 'confirm' })}>
              {step === 'saving' ? t('admin.import.saving') : t('admin.import.confirm')}
            </button>
            {again}
          </div>
        </>
      )}
      {job && step === 'checked' && job.state === 'refused' && again}
      {job && step === 'done' && job.result && (
        <>
          <p class="notice" role="status">
            {t('admin.import.done', job.result)}
          </p>
          <div class="import-actions">
            {job.kind === 'items' && (
              <button type="button" class="button primary" onClick={() => actor.send({ type: 'labels.requested' })}>
                {t('admin.import.printLabels')}
              </button>
            )}
            {again}
          </div>
        </>
      )}
    </PageShell>
  );
}

function ImportForm({ onSubmit }: { onSubmit: (request: ImportRequest) => void }) {
  const t = useT();
  const [kind, setKind] = useState<ImportKind>('items');
  const [format, setFormat] = useState<ImportFormat>('csv');
  const marc = kind === 'items' && format === 'marc';
  const columns = kind === 'items' ? ITEM_CSV_COLUMNS : PATRON_CSV_COLUMNS;
  return (
    <form
      class="import-form"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const file = form.get('file');
        if (!(file instanceof File) || file.name === '') return;
        const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
        onSubmit({ kind, format: kind === 'patrons' ? 'csv' : format, file, fileName: file.name, ...(marc ? { holdings: text('holdings'), barcodeStart: text('barcodeStart')?.toUpperCase() } : {}) });
      }}
    >
      <RadioChoice legend={t('admin.import.kind')} name="kind" values={['items', 'patrons']} chosen={kind} label={(value) => t(`admin.import.kind.${value}`)} onChoose={setKind} />
      {kind === 'items' && (
        <RadioChoice legend={t('admin.import.format')} name="format" values={['csv', 'marc']} chosen={format} label={(value) => t(`admin.import.format.${value}`)} onChoose={setFormat} />
      )}
      {!marc && <p class="hint">{t('admin.import.columns', { columns: columns.join(','), required: (kind === 'items' ? ['barcode', 'title'] : ['card_number', 'name', 'expires_on']).join(', ') })}</p>}
      {marc && (
        <>
          <label class="field">
            {t('admin.import.barcodeStart')}
            <input name="barcodeStart" autocomplete="off" spellcheck={false} pattern="[A-Za-z0-9\-]{0,24}[0-9]{1,8}" />
            <span class="hint">{t('admin.import.barcodeStartHint')}</span>
          </label>
          <label class="field">
            {t('admin.import.holdings')}
            <input name="holdings" autocomplete="off" spellcheck={false} placeholder="952$p" pattern="[0-9]{3}\$[a-z0-9]" />
            <span class="hint">{t('admin.import.holdingsHint')}</span>
          </label>
        </>
      )}
      <label class="field">
        {t('admin.import.file')}
        <input type="file" name="file" required accept={marc ? '.mrc,.marc,.dat,.iso,.xml' : '.csv,.txt'} />
      </label>
      <button type="submit" class="button primary">
        {t('admin.import.upload')}
      </button>
    </form>
  );
}

interface RadioChoiceProps<V extends string> {
  legend: string;
  name: string;
  values: readonly V[];
  chosen: V;
  label: (value: V) => string;
  onChoose: (value: V) => void;
}

function RadioChoice<V extends string>({ legend, name, values, chosen, label, onChoose }: RadioChoiceProps<V>) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {values.map((value) => (
        <label key={value}>
          <input type="radio" name={name} value={value} checked={chosen === value} onChange={() => onChoose(value)} /> {label(value)}
        </label>
      ))}
    </fieldset>
  );
}
