import type { ComponentChildren } from 'preact';
import { useContext, useState } from 'preact/hooks';
import type { TileEbook } from './ebooks-types';
import { SavedCoversContext } from './saved-covers';

/**
 * A title's cover: from the hub, else (the hub unreachable) the kiosk's saved copy, else a blank
 * cover with `blank` on it. Give it `key={ebook.coverUrl}`: a new cover starts afresh.
 */
export function CoverImage({ ebook, class: className, blank }: { ebook: TileEbook; class: string; blank?: ComponentChildren }) {
  const saved = useContext(SavedCoversContext);
  const [src, setSrc] = useState(ebook.coverUrl);
  const [triedSaved, setTriedSaved] = useState(false);

  function fallBack() {
    if (triedSaved || !saved || !ebook.coverUrl) return setSrc(null);
    setTriedSaved(true);
    void saved.objectUrl(ebook.id, ebook.coverUrl).then(setSrc, () => setSrc(null));
  }

  return src ? (
    <img class={className} src={src} alt="" loading="lazy" decoding="async" onError={fallBack} />
  ) : (
    <span class={`${className} cover-blank`} aria-hidden="true">
      {blank}
    </span>
  );
}
