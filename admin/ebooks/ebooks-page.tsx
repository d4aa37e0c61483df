/** The e-books page: uploads, the collection, the categories. It renders the page machine's snapshot and sends it events. */
import type { Actor } from 'xstate';
import { useSelector } from '../../shared/ui/use-selector';
import { useT } from '../shell/i18n-context';
import { PageShell } from '../shell/page-shell';
import { CategoryPanel } from './category-panel';
import { CollectionTable } from './collection-table';
import type { EbooksPageEvent, EbooksPageMachine } from './ebooks-page-machine';
import { UploadPanel } from './upload-panel';
import './ebooks.css';

export type EbooksPageActor = Actor<EbooksPageMachine>;
export type SendEvent = (event: EbooksPageEvent) => void;

export function EbooksPage({ actor }: { actor: EbooksPageActor }) {
  const t = useT();
  const context = useSelector(actor, (snapshot) => snapshot.context);
  const listState = useSelector(actor, (snapshot) => (snapshot.matches({ working: { list: 'failed' } }) ? 'failed' : snapshot.matches({ working: { list: 'loading' } }) ? 'loading' : 'ready'));
  const send: SendEvent = (event) => actor.send(event);

  return (
    <PageShell className="ebooks-page" title={t('admin.ebooks.title')}>
      <UploadPanel access={context.uploadAccess} lines={context.uploadLines} send={send} />
      <CollectionTable
        listState={listState}
        loadError={context.loadError}
        ebooks={context.ebooks}
        pending={context.pendingChanges}
        categories={context.categories}
        filter={context.filter}
        rowStatus={context.rowStatus}
        send={send}
      />
      <CategoryPanel categories={context.categories} status={context.categoryStatus} send={send} />
    </PageShell>
  );
}
