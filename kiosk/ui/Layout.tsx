import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Screen } from '../session/screen';
import { useLanguage, useSend, useSession, useT } from '../session/use-session';
import { IdleDialog } from '../idle/IdleDialog';
import { Button } from './Button';
import { OfflineNotice } from './OfflineNotice';

/** Every screen's frame: library name, language and large-text switches, the offline notice, the screen, the idle dialog. */
export function Layout({ screen, children }: { screen: Screen; children: ComponentChildren }) {
  const t = useT();
  const send = useSend();
  const language = useLanguage();
  const largeText = useSession((snapshot) => snapshot.context.largeText);
  const libraryName = useSession((snapshot) => snapshot.context.config.libraryName[snapshot.context.language]);
  const languageSwitch = useSession((snapshot) => snapshot.context.config.languageSwitch);
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText);
  }, [largeText]);
  // A new screen starts reading from the top, for screen readers and keyboard users alike.
  useEffect(() => main.current?.focus({ preventScroll: true }), [screen]);

  return (
    <div class="kiosk">
      <header class="kiosk-header">
        <p class="library-name">{libraryName}</p>
        <div class="header-controls">
          {languageSwitch && (
            <span lang={language === 'zh-CN' ? 'en' : 'zh-CN'} title={t('language.switch.label')}>
              <Button variant="quiet" onClick={() => send({ type: 'language.toggled' })}>
                {t('language.switch')}
              </Button>
            </span>
          )}
          <Button variant="quiet" onClick={() => send({ type: 'largeText.toggled' })}>
            <span aria-hidden="true">{largeText ? 'A ' : 'A+ '}</span>
            {largeText ? t('largeText.off') : t('largeText.on')}
          </Button>
        </div>
      </header>
      <OfflineNotice />
      <main ref={main} tabIndex={-1} data-screen={screen} class={`screen screen-${screen}`}>
        {children}
      </main>
      <IdleDialog />
    </div>
  );
}
