/** Wires the admin panel: the shell machine with real hub actors, in the language the address asks for. */
import { render } from 'preact';
import { createActor } from 'xstate';
import { StaffHubClient } from '../shared/api/staff-hub-client';
import { isLanguage } from '../shared/i18n';
import { adminActors, tokenActions, type TokenStorage } from './shell/admin-actors';
import { AdminApp } from './shell/admin-app';
import { adminMachine } from './shell/admin-machine';
import { LanguageContext } from './shell/i18n-context';
import './admin.css';

const requested = new URLSearchParams(location.search).get('lang');
const language = isLanguage(requested) ? requested : 'zh-CN';
document.documentElement.lang = language;

const TOKEN_KEY = 'staff-token';
const storage: TokenStorage = {
  read: () => sessionStorage.getItem(TOKEN_KEY),
  write: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};
const hub = new StaffHubClient({ kioskToken: () => null });
const actor = createActor(adminMachine.provide({ actors: adminActors(hub, storage), actions: tokenActions(storage) })).start();

render(
  <LanguageContext.Provider value={language}>
    <AdminApp actor={actor} />
  </LanguageContext.Provider>,
  document.getElementById('app')!,
);
