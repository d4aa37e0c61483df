/**
 * Icons drawn inline: emoji glyphs depend on the kiosk's fonts and show as empty boxes on a bare Linux
 * kiosk. Decorative only: the button's text is its accessible name.
 */
const common = { width: '1em', height: '1em', viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': true } as const;

/** An icon drawn by one path (circles as two arcs), 24 × 24, in the text's colour. */
function icon(path: string) {
  return function Icon() {
    return (
      <svg {...common} class="icon">
        <path d={path} />
      </svg>
    );
  };
}

const CIRCLE = 'M3 12a9 9 0 1 0 18 0a9 9 0 1 0-18 0';

export const BookIcon = icon('M2 4h7a3 3 0 0 1 3 3v13a2 2 0 0 0-2-2H2zM22 4h-7a3 3 0 0 0-3 3v13a2 2 0 0 1 2-2h8z');
export const ReturnIcon = icon('M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-4');
export const PrinterIcon = icon('M6 9V2h12v7M6 18H4a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2M6 14h12v8H6z');
export const WarningIcon = icon('M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0zM12 9v4M12 17h.01');
/** A phone: e-books go to the patron's phone. */
export const EbookIcon = icon('M8 2h8a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zM11 18h2');
export const CameraIcon = icon('M3 8a2 2 0 0 1 2-2h2l2-3h6l2 3h2a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2zM8 13a4 4 0 1 0 8 0a4 4 0 1 0-8 0');
/** Done, accepted. */
export const CheckIcon = icon('M4 12.5 9.5 18 20 6');
/** Refused. */
export const CrossIcon = icon('M6 6l12 12M18 6 6 18');
/** Waiting for the hub. */
export const PendingIcon = icon(`${CIRCLE}M12 7v5l3 2`);
export const InfoIcon = icon(`${CIRCLE}M12 11v5M12 8h.01`);
export const BackspaceIcon = icon('M21 5H8l-6 7 6 7h13a1 1 0 0 0 1-1V6a1 1 0 0 0-1-1zM11 9l6 6M17 9l-6 6');
