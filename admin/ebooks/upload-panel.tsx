/** Choose or drop EPUB and PDF files, pick their access, and watch each file's outcome line. */
import { useState } from 'preact/hooks';
import { EBOOK_ACCESS, type EbookAccess } from '../../shared/ebooks/schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { useT } from '../shell/i18n-context';
import type { SendEvent } from './ebooks-page';
import type { UploadLine } from './ebooks-page-types';

const ACCEPT = '.epub,.pdf,application/epub+zip,application/pdf';

const TONE: Record<UploadLine['state'], string> = { waiting: 'neutral', uploading: 'neutral', added: 'ok', duplicate: 'note', refused: 'bad' };
const OUTCOME: Record<UploadLine['state'], StaffMessageKey> = {
  waiting: 'admin.upload.waiting',
  uploading: 'admin.upload.uploading',
  added: 'admin.upload.added',
  duplicate: 'admin.upload.duplicate',
  refused: 'admin.upload.refused',
};

interface UploadPanelProps {
  access: EbookAccess;
  lines: UploadLine[];
  send: SendEvent;
}

export function UploadPanel({ access, lines, send }: UploadPanelProps) {
  const t = useT();
  const [dragging, setDragging] = useState(false);

  function upload(files: FileList | null | undefined) {
    if (files && files.length > 0) send({ type: 'upload.filesChosen', files: [...files].map((file) => ({ name: file.name, file })) });
  }

  return (
    <section class="panel" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('admin.upload.title')}</h2>
      <fieldset class="choice-group">
        <legend>{t('admin.upload.access')}</legend>
        {EBOOK_ACCESS.map((value) => (
          <label class="choice" key={value}>
            <input type="radio" name="upload-access" value={value} checked={access === value} onChange={() => send({ type: 'upload.accessChosen', access: value })} />
            {t(`admin.access.${value}`)}
          </label>
        ))}
      </fieldset>
      <div
        class={dragging ? 'dropzone dragging' : 'dropzone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          upload(event.dataTransfer?.files);
        }}
      >
        <p id="upload-hint">{t('admin.upload.hint')}</p>
        <label class="button primary file-button">
          {t('admin.upload.files')}
          <input
            type="file"
            class="visually-hidden"
            accept={ACCEPT}
            multiple
            aria-describedby="upload-hint"
            onChange={(event) => {
              upload(event.currentTarget.files);
              // The same file may be chosen again later.
              event.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      <div role="status" aria-live="polite" aria-label={t('admin.upload.results')}>
        {lines.length > 0 && (
          <ul class="upload-lines">
            {lines.map((line) => (
              <li key={line.id} data-testid="upload-line" data-state={line.state}>
                <span class={`badge ${TONE[line.state]}`}>{t(OUTCOME[line.state])}</span>
                {line.title && (
                  <strong class="upload-title" data-book-data>
                    {line.title}
                  </strong>
                )}
                {line.reason && <span class="upload-reason">{t(line.reason)}</span>}
                <span class="file-name" translate={false}>
                  {line.name}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {lines.some((line) => line.state !== 'waiting' && line.state !== 'uploading') && (
        <button type="button" class="button" onClick={() => send({ type: 'uploads.cleared' })}>
          {t('admin.upload.clear')}
        </button>
      )}
    </section>
  );
}
