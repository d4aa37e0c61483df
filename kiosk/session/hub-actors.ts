/** The machine's hub actors, backed by the real HubClient. Each passes the actor's abort signal along. */
import { fromPromise } from 'xstate';
import type { HubClient } from '../../shared/api/hub-client';
import type { ChangePinInput, CheckinInput, CheckoutInput, PatronInput, PhoneReceiptInput, RenewInput, SignInInput } from './session-types';

export function hubActors(hub: HubClient) {
  return {
    signIn: fromPromise(({ input, signal }: { input: SignInInput; signal: AbortSignal }) =>
      hub.signIn(input.cardNumber, input.pin, signal),
    ),
    changePin: fromPromise(({ input, signal }: { input: ChangePinInput; signal: AbortSignal }) =>
      hub.changePin(input.patronToken, input.newPin, signal),
    ),
    patronStatus: fromPromise(({ input, signal }: { input: PatronInput; signal: AbortSignal }) =>
      hub.patronStatus(input.patronToken, signal),
    ),
    checkout: fromPromise(({ input, signal }: { input: CheckoutInput; signal: AbortSignal }) =>
      hub.checkout(input.patronToken, input.barcode, input.requestId, signal),
    ),
    checkin: fromPromise(({ input, signal }: { input: CheckinInput; signal: AbortSignal }) =>
      hub.checkin(input.patronToken, input.barcode, input.requestId, signal),
    ),
    renew: fromPromise(({ input, signal }: { input: RenewInput; signal: AbortSignal }) =>
      hub.renew(input.patronToken, input.barcodes, signal),
    ),
    issuePhoneReceipt: fromPromise(({ input, signal }: { input: PhoneReceiptInput; signal: AbortSignal }) =>
      hub.issueReceipt(input.patronToken, input.language, signal),
    ),
    // Fire and forget: a failed sign-out must not hold up the next patron; the hub expires the session anyway.
    signOut: fromPromise(({ input }: { input: PatronInput }) => hub.signOut(input.patronToken).catch(() => undefined)),
  };
}
