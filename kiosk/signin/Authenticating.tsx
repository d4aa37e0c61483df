import { useT } from '../session/use-session';

export function Authenticating() {
  const t = useT();
  return (
    <section class="waiting" aria-busy="true">
      <h1 aria-live="polite">{t('authenticating.title')}</h1>
    </section>
  );
}
