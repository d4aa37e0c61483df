/**
 * How a card is named in the list of blocked and expired cards the hub sends to kiosks for offline
 * borrowing: SHA-256 (hex) of the library's salt and the card number, so a copied kiosk database
 * holds no card number. Web Crypto, the same in the hub (Node 20) and the kiosk.
 */
export async function offlineCardHash(salt: string, cardNumber: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}\u0000${cardNumber}`));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
