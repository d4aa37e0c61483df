/** The Patrons page: search, one patron's record and the changes to the card. It renders the page machine's snapshot and sends it events. */
import type { Actor } from 'xstate';
import { useSelector } from '../../shared/ui/use-selector';
import { useT } from '../shell/i18n-context';
import { Notice, PageShell } from '../shell/page-shell';
import { PatronRecord } from './patron-record';
import { PatronResults } from './patron-results';
import type { PatronsPageEvent, PatronsPageMachine } from './patrons-page-machine';
import './patrons.css';

export type PatronsPageActor = Actor<PatronsPageMachine>;
export type Send = (event: PatronsPageEvent) => void;

export function PatronsPage({ actor }: { actor: PatronsPageActor }) {
  const t = useT();
  const context = useSelector(actor, (snapshot) => snapshot.context);
  const view = useSelector(actor, (snapshot) =>
    snapshot.matches('managedElsewhere')
      ? 'managedElsewhere'
      : snapshot.matches('patron')
        ? 'patron'
        : snapshot.matches('failed')
          ? 'failed'
          : snapshot.matches('results')
            ? 'results'
            : 'loading',
  );
  const confirming = useSelector(actor, (snapshot) => snapshot.matches({ patron: 'confirming' }));
  const acting = useSelector(actor, (snapshot) => snapshot.matches({ patron: 'acting' }));
  const send: Send = (event) => actor.send(event);

  if (view === 'managedElsewhere') {
    return (
      <PageShell className="patrons-page" tall title={t('admin.patrons.title')}>
        <p class="notice refused" role="status">
          {t('code.patrons.managedByIls')}
        </p>
      </PageShell>
    );
  }

  function submitSearch(event: Event) {
    event.preventDefault();
    send({ type: 'search.submitted', q: String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '') });
  }

  return (
    <PageShell className="patrons-page" tall title={t('admin.patrons.title')}>
      <form class="patron-search" role="search" onSubmit={submitSearch}>
        <label>
          {t('admin.patrons.search.label')}
          <input name="q" type="search" autocomplete="off" spellcheck={false} maxLength={64} defaultValue={context.q} aria-describedby="patron-search-hint" />
        </label>
        <button type="submit" class="button primary">
          {t('admin.patrons.search.submit')}
        </button>
        <span id="patron-search-hint" class="muted hint">
          {t('admin.patrons.search.hint')}
        </span>
      </form>
      <Notice notice={context.notice} />
      {view === 'loading' && <p role="status">{t(context.patron ? 'admin.patrons.loading' : 'admin.patrons.searching')}</p>}
      {view === 'failed' && (
        <button type="button" class="button" onClick={() => send({ type: 'search.retry' })}>
          {t('admin.patrons.reload')}
        </button>
      )}
      {view === 'results' && context.results && <PatronResults results={context.results} send={send} />}
      {view === 'patron' && context.patron && (
        <PatronRecord
          patron={context.patron}
          pending={confirming ? context.pending : null}
          busy={acting || confirming}
          generatedPin={context.generatedPin}
          changes={context.changes}
          send={send}
        />
      )}
    </PageShell>
  );
}
