/** A barcode drawn as SVG bars from its widths (code128.ts, codabar.ts), with quiet zones either side. */
import type { LabelSymbology } from '../../shared/import/label-schemas';
import { canCodabar, codabarWidths } from './codabar';
import { canCode128, code128Widths } from './code128';

const QUIET_MODULES = 10;

export function canDraw(symbology: LabelSymbology, text: string): boolean {
  return symbology === 'code128' ? canCode128(text) : canCodabar(text);
}

export function barcodeWidths(symbology: LabelSymbology, text: string): number[] {
  return symbology === 'code128' ? code128Widths(text) : codabarWidths(text);
}

/** The bars as [x, width] in modules, the quiet zone included in the total. */
export function barRects(widths: readonly number[]): { bars: Array<[number, number]>; modules: number } {
  const bars: Array<[number, number]> = [];
  let x = QUIET_MODULES;
  widths.forEach((width, i) => {
    if (i % 2 === 0) bars.push([x, width]);
    x += width;
  });
  return { bars, modules: x + QUIET_MODULES };
}

export function BarcodeSvg({ symbology, text }: { symbology: LabelSymbology; text: string }) {
  const { bars, modules } = barRects(barcodeWidths(symbology, text));
  // crispEdges and whole modules: printers and camera decoders both want sharp, even bars.
  return (
    <svg class="label-barcode" data-symbology={symbology} viewBox={`0 0 ${modules} 40`} preserveAspectRatio="none" role="img" aria-label={text} shape-rendering="crispEdges">
      <rect x="0" y="0" width={modules} height="40" fill="#fff" />
      {bars.map(([x, width]) => (
        <rect key={x} x={x} y="0" width={width} height="40" fill="#000" />
      ))}
    </svg>
  );
}
