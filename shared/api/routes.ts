/** Paths and headers of the hub's API, shared by the hub and its clients. */
export const KIOSK_TOKEN_HEADER = 'x-kiosk-token';

export const API = {
  health: '/healthz',
  kioskClaimLocal: '/api/kiosk/claim-local',
  kioskConfig: '/api/kiosk/config',
  session: '/api/session',
  sessionPin: '/api/session/pin',
  checkout: '/api/checkout',
  checkin: '/api/checkin',
  renew: '/api/renew',
  staffLogin: '/api/admin/login',
} as const;
