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
  ebooks: '/api/ebooks',
} as const;

export const ebookCoverPath = (ebookId: number) => `/api/ebooks/${ebookId}/cover`;
export const ebookTicketsPath = (ebookId: number) => `/api/ebooks/${ebookId}/tickets`;
export const ebookTicketPath = (ticketId: number) => `/api/ebook-tickets/${ticketId}`;
