/**
 * Offline sign-in: with the hub down no PIN can be checked, so a card (already past the library's
 * card rules) may borrow where the profile lends offline and the card is not on the list of
 * blocked and expired cards the hub sent with the config, which holds salted hashes only.
 */
import type { OfflinePolicy } from '../../shared/api/schemas';
import { offlineCardHash } from '../../shared/offline/card-hash';

export async function offlineCardMayBorrow(policy: OfflinePolicy, cardNumber: string): Promise<boolean> {
  if (!policy.borrowing) return false;
  const hash = await offlineCardHash(policy.cardHashSalt, cardNumber);
  return !policy.blockedCards.includes(hash);
}
