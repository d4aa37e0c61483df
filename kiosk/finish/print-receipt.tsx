import { render } from 'preact';
import type { Receipt } from '../session/session-types';
import { ReceiptView } from './ReceiptView';

/**
 * The default receipt printer: renders the receipt into the page's hidden #receipt container and
 * prints the page; the print stylesheet shows only that container, on an 80 mm roll. The kiosk's
 * browser runs with silent printing, so window.print() returns once the job is spooled.
 */
export async function printReceipt(receipt: Receipt): Promise<void> {
  const container = document.getElementById('receipt');
  if (container === null) throw new Error('no #receipt container in the page');
  render(<ReceiptView receipt={receipt} printedAt={new Date()} />, container);
  try {
    window.print();
  } finally {
    // The titles must not linger in the page for the next patron.
    render(null, container);
  }
}
