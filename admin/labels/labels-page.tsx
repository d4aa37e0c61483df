/** The Labels page: barcodes to label, the symbology, the sheets and Print. Renders the machine's snapshot. */
import type { Actor } from 'xstate';
import { LabelSymbology } from '../../shared/import/label-schemas';
import { useSelector } from '../../shared/ui/use-selector';
import { useT } from '../shell/i18n-context';
import { canDraw } from './barcode-svg';
import { LabelSheets, LABELS_PER_SHEET } from './label-sheet';
import type { LabelsPageMachine } from './labels-page-machine';
import './labels.css';

export type LabelsPageActor = Actor<LabelsPageMachine>;

export function LabelsPage({ actor }: { actor: LabelsPageActor }) {
  const t = useT();
  const sheet = useSelector(actor, (snapshot) => snapshot.context.sheet);
  const error = useSelector(actor, (snapshot) => snapshot.context.error);
  const busy = useSelector(actor, (snapshot) => !snapshot.matches('ready'));
  const symbology = sheet?.symbology ?? 'code128';
  const undrawable = sheet?.labels.filter((label) => !canDraw(symbology, label.barcode)) ?? [];
  const more = sheet !== null && sheet.offset + sheet.labels.length + sheet.unknown.length < sheet.total;
  return (
    <section class="labels-page" aria-labelledby="labels-title">
      <div class="labels-controls">
        <h1 id="labels-title">{t('admin.labels.title')}</h1>
        {error && (
          <p class="notice refused" role="alert">
            {t(error)}
          </p>
        )}
        <form
          class="labels-form"
          onSubmit={(event) => {
            event.preventDefault();
            const text = String(new FormData(event.currentTarget).get('barcodes') ?? '');
            actor.send({ type: 'barcodes.submitted', barcodes: text.split(/[\s,，;；]+/).filter((barcode) => barcode !== '') });
          }}
        >
          <label class="field">
            {t('admin.labels.barcodes')}
            <textarea name="barcodes" rows={3} spellcheck={false} />
          </label>
          <label class="field">
            {t('admin.labels.symbology')}
            <select
              value={symbology}
              disabled={busy}
              onChange={(event) => {
                const chosen = LabelSymbology.safeParse(event.currentTarget.value);
                if (chosen.success) actor.send({ type: 'symbology.chosen', symbology: chosen.data });
              }}
            >
              <option value="code128">{t('admin.labels.code128')}</option>
              <option value="codabar">{t('admin.labels.codabar')}</option>
            </select>
          </label>
          <button type="submit" class="button" disabled={busy}>
            {t('admin.labels.show')}
          </button>
        </form>
        {sheet === null && <p class="muted">{t('admin.labels.empty')}</p>}
        {sheet && (
          <p role="status">
            {t('admin.labels.count', { count: sheet.labels.length, sheets: Math.ceil(sheet.labels.length / LABELS_PER_SHEET) })}
          </p>
        )}
        {sheet && sheet.unknown.length > 0 && <p class="notice refused">{t('admin.labels.unknown', { barcodes: sheet.unknown.join(', ') })}</p>}
        {undrawable.map((label) => (
          <p class="notice refused" key={label.barcode}>
            {t('admin.labels.notCodabar', { barcode: label.barcode })}
          </p>
        ))}
        <div class="import-actions">
          <button type="button" class="button primary" disabled={!sheet || sheet.labels.length === 0} onClick={() => window.print()}>
            {t('admin.labels.print')}
          </button>
          {more && (
            <button type="button" class="button" onClick={() => actor.send({ type: 'more' })}>
              {t('admin.labels.more')}
            </button>
          )}
        </div>
      </div>
      {sheet && <LabelSheets labels={sheet.labels} symbology={symbology} />}
    </section>
  );
}
