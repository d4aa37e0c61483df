/** Loads the e-book section (with Dexie and the QR code library) only when a patron opens it. */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../session/use-session';

let loaded: ComponentType | null = null;

export function LazyEbookSection() {
  const t = useT();
  const [Section, setSection] = useState<ComponentType | null>(() => loaded);
  useEffect(() => {
    if (loaded) return;
    void import('./EbookSection').then((module) => {
      loaded = module.EbookSection;
      setSection(() => module.EbookSection);
    });
  }, []);
  return Section ? <Section /> : <p class="lead" aria-busy="true">{t('ebooks.loading')}</p>;
}
