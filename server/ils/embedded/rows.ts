/** Row shapes of the embedded ILS's tables and their mapping to the API's types. */
import type { Item } from '../../../shared/api/schemas';

export interface ItemRow {
  barcode: string;
  title: string;
  author: string;
  isbn: string | null;
  call_number: string | null;
  cover_url: string | null;
  loan_type: 'normal' | 'reference';
}

export interface PatronRow {
  id: number;
  card_number: string;
  display_name: string;
  pin_hash: string;
  pin_change_required: 0 | 1;
  expires_on: string;
  fines_minor: number;
  manual_block: 0 | 1;
}

export interface LoanRow {
  id: number;
  item_barcode: string;
  patron_id: number;
  checked_out_at: string;
  due_at: string;
  renewals: number;
}

export interface HoldRow {
  id: number;
  patron_id: number;
}

export function toItem(row: ItemRow): Item {
  return {
    barcode: row.barcode,
    title: row.title,
    author: row.author,
    isbn: row.isbn,
    callNumber: row.call_number,
    coverUrl: row.cover_url,
  };
}
