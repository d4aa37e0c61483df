/** The Patrons page machine's actors, backed by the hub. */
import { fromPromise } from 'xstate';
import type { StaffHubClient } from '../../shared/api/staff-hub-client';
import type { ActionDone, ActionInput, PatronInput, SearchInput } from './patrons-page-machine';

type Call<I> = { input: I; signal: AbortSignal };

async function actOnPatron(hub: StaffHubClient, { token, cardNumber, action }: ActionInput, signal: AbortSignal): Promise<ActionDone> {
  const changed = (patron: Promise<ActionDone['patron']>) => patron.then((p) => ({ patron: p, generatedPin: null }));
  switch (action.kind) {
    case 'pinReset':
      return hub.resetPatronPin(token, cardNumber, action.pin, signal);
    case 'unlock':
      return changed(hub.unlockPatron(token, cardNumber, signal));
    case 'block':
      return changed(hub.blockPatron(token, cardNumber, action.reason, signal));
    case 'unblock':
      return changed(hub.unblockPatron(token, cardNumber, signal));
    case 'expiry':
      return changed(hub.setPatronExpiry(token, cardNumber, action.expiresOn, signal));
  }
}

export function patronsPageActors(hub: StaffHubClient) {
  return {
    searchPatrons: fromPromise(({ input, signal }: Call<SearchInput>) => hub.searchPatrons(input.token, { q: input.q, page: input.page }, signal)),
    loadPatron: fromPromise(({ input, signal }: Call<PatronInput>) => hub.patron(input.token, input.cardNumber, signal)),
    actOnPatron: fromPromise(({ input, signal }: Call<ActionInput>) => actOnPatron(hub, input, signal)),
  };
}
