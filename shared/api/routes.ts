/** Paths and headers of the hub's API, shared by the hub and its clients. */
export const KIOSK_TOKEN_HEADER = 'x-kiosk-token';
/** An e-book upload's body is the file itself; its name (URI-encoded) comes in this header. */
export const UPLOAD_NAME_HEADER = 'x-file-name';

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
  staffEbooks: '/api/admin/ebooks',
  staffEbookCategories: '/api/admin/ebook-categories',
} as const;

export const ebookCoverPath = (ebookId: number) => `/api/ebooks/${ebookId}/cover`;
export const ebookTicketsPath = (ebookId: number) => `/api/ebooks/${ebookId}/tickets`;
export const ebookTicketPath = (ticketId: number) => `/api/ebook-tickets/${ticketId}`;
export const staffEbookPath = (ebookId: number) => `/api/admin/ebooks/${ebookId}`;
export const staffEbookCategoryPath = (categoryId: number) => `/api/admin/ebook-categories/${categoryId}`;
