import { useLanguage, useT } from '../session/use-session';
import { Button } from '../ui/Button';
import { SHELF_PREVIEW } from './catalogue-view';
import { CoverTile } from './CoverTile';
import type { Shelf, TileEbook } from './ebooks-types';
import { LetterKeyboard } from './LetterKeyboard';
import { sendTo, useEbooks, type EbooksActor } from './use-ebooks';
import { VirtualGrid } from './VirtualGrid';

const ROW_HEIGHT = 420;
const COLUMN_WIDTH = 250;

export function Browse({ actor }: { actor: EbooksActor }) {
  const t = useT();
  const language = useLanguage();
  const send = sendTo(actor);
  const query = useEbooks(actor, (snapshot) => snapshot.context.query);
  const keyboardOpen = useEbooks(actor, (snapshot) => snapshot.context.keyboardOpen);
  const list = useEbooks(actor, (snapshot) => snapshot.context.list);
  const shelves = useEbooks(actor, (snapshot) => snapshot.context.view.shelves);
  const openShelfId = useEbooks(actor, (snapshot) => snapshot.context.openShelfId);
  const online = useEbooks(actor, (snapshot) => snapshot.context.online);
  const syncing = useEbooks(actor, (snapshot) => snapshot.context.syncing);
  const open = (ebookId: number) => send({ type: 'ebook.opened', ebookId });
  const labelOf = (shelf: Shelf) => (typeof shelf.label === 'string' ? t(shelf.label) : shelf.label[language]);
  const openShelf = shelves.find((shelf) => shelf.id === openShelfId) ?? null;
  // The titles loaded so far of the search or shelf on screen; more are asked for as the patron scrolls.
  const grid = (key: string, items: TileEbook[], label: string) => (
    <VirtualGrid
      items={items}
      listKey={key}
      keyOf={(ebook) => ebook.id}
      render={(ebook) => <CoverTile ebook={ebook} onOpen={open} />}
      rowHeight={ROW_HEIGHT}
      minColumnWidth={COLUMN_WIDTH}
      label={label}
      onNearEnd={() => send({ type: 'list.more' })}
    />
  );
  const searchList = list?.key.kind === 'search' ? { ...list, query: list.key.query } : null;
  const shelfList = list?.key.kind === 'shelf' && list.key.shelfId === openShelfId ? list : null;

  return (
    <section class="ebooks-browse" data-sync={online === null ? 'pending' : online ? 'online' : 'offline'}>
      <div class="ebooks-bar">
        <h1>{t('ebooks.title')}</h1>
        <input
          class="ebooks-search"
          type="search"
          value={query}
          placeholder={t('ebooks.search.placeholder')}
          aria-label={t('ebooks.search.label')}
          autocomplete="off"
          spellcheck={false}
          onInput={(event) => send({ type: 'query.changed', query: event.currentTarget.value })}
          onFocus={() => send({ type: 'keyboard.opened' })}
        />
        <Button
          expanded={keyboardOpen}
          controls="letter-keyboard"
          onClick={() => send({ type: keyboardOpen ? 'keyboard.closed' : 'keyboard.opened' })}
        >
          {t('ebooks.keyboard.label')}
        </Button>
        <Button onClick={() => send({ type: 'leave' })}>{t('ebooks.leave')}</Button>
      </div>
      {keyboardOpen && <LetterKeyboard send={send} />}
      {online === false && <p class="notice notice-info">{t('ebooks.offline')}</p>}

      {query.trim() !== '' ? (
        // The results on screen and the query they are for: the next keystroke's come a moment later.
        searchList && (
          <>
            <p class="lead" aria-live="polite" data-testid="result-count" data-query={searchList.query}>
              {searchList.total > 0 ? t('ebooks.search.count', { count: searchList.total }) : t('ebooks.search.none')}
            </p>
            {grid(`search ${searchList.query}`, searchList.titles, t('ebooks.search.label'))}
          </>
        )
      ) : openShelf ? (
        <>
          <div class="shelf-heading">
            <h2>{labelOf(openShelf)}</h2>
            <Button onClick={() => send({ type: 'shelf.closed' })}>{t('action.back')}</Button>
          </div>
          {shelfList && grid(`shelf ${openShelf.id}`, shelfList.titles, labelOf(openShelf))}
        </>
      ) : shelves.length === 0 ? (
        <p class="lead">{syncing ? t('ebooks.loading') : t('ebooks.empty')}</p>
      ) : (
        <div class="shelves">
          {shelves.map((shelf) => (
            <section class="shelf" key={shelf.id} aria-label={t('ebooks.shelf.label', { name: labelOf(shelf), count: shelf.count })}>
              <div class="shelf-heading">
                <h2>{labelOf(shelf)}</h2>
                {shelf.count > SHELF_PREVIEW && (
                  <Button onClick={() => send({ type: 'shelf.opened', shelfId: shelf.id })}>{t('ebooks.seeAll')}</Button>
                )}
              </div>
              <ul class="shelf-row">
                {shelf.ebooks.slice(0, SHELF_PREVIEW).map((ebook) => (
                  <li key={ebook.id}>
                    <CoverTile ebook={ebook} onOpen={open} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
