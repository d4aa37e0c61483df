/**
 * Runs in Chromium: decodes each test image, letterboxed into a 640x480 frame as the kiosk camera
 * delivers it, with each candidate engine. The Node side (../decode-rate.ts) sends the image list.
 */
import { BrowserMultiFormatReader } from '@zxing/browser';
import { BarcodeFormat, DecodeHintType } from '@zxing/library';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

export interface Sample { url: string; expected: string; format: string }
export interface EngineResult { engine: string; results: Array<{ url: string; text: string | null; ms: number }> }

const FRAME = { width: 640, height: 480 };

async function frameOf(url: string): Promise<HTMLCanvasElement> {
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement('canvas');
  Object.assign(canvas, FRAME);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, FRAME.width, FRAME.height);
  const scale = Math.min(FRAME.width / image.width, FRAME.height / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  ctx.drawImage(image, (FRAME.width - w) / 2, (FRAME.height - h) / 2, w, h);
  return canvas;
}

type Decode = (frame: HTMLCanvasElement) => Promise<string | null>;

function zxingJs(): Decode {
  // Formats named explicitly: the default 1-D reader skips Codabar.
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.CODABAR, BarcodeFormat.ITF, BarcodeFormat.QR_CODE]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const reader = new BrowserMultiFormatReader(hints);
  return async (frame) => {
    try {
      return reader.decodeFromCanvas(frame).getText();
    } catch {
      return null;
    }
  };
}

function zxingWasm(): Decode {
  prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) } });
  return async (frame) => {
    const data = frame.getContext('2d')!.getImageData(0, 0, frame.width, frame.height);
    const [first] = await readBarcodes(data, {
      formats: ['EAN13', 'EAN8', 'UPCA', 'Code128', 'Code39', 'Codabar', 'ITF', 'QRCode'],
      tryHarder: true,
      maxNumberOfSymbols: 1,
    });
    return first?.isValid ? first.text : null;
  };
}

function nativeDetector(): Decode | null {
  const Detector = (globalThis as { BarcodeDetector?: new (o: object) => { detect(s: CanvasImageSource): Promise<Array<{ rawValue: string }>> } }).BarcodeDetector;
  if (!Detector) return null;
  const detector = new Detector({ formats: ['ean_13', 'ean_8', 'upc_a', 'code_128', 'code_39', 'codabar', 'itf', 'qr_code'] });
  return async (frame) => (await detector.detect(frame))[0]?.rawValue ?? null;
}

async function run(samples: Sample[]): Promise<{ engines: EngineResult[]; unavailable: string[] }> {
  const frames = await Promise.all(samples.map((s) => frameOf(s.url)));
  const candidates: Array<[string, Decode | null]> = [['@zxing/browser', zxingJs()], ['zxing-wasm', zxingWasm()], ['BarcodeDetector', nativeDetector()]];
  const engines: EngineResult[] = [];
  const unavailable: string[] = [];
  for (const [engine, decode] of candidates) {
    if (!decode) { unavailable.push(engine); continue; }
    await decode(frames[0]!); // warm-up: compiles the WebAssembly, JITs the JavaScript
    const results = [];
    for (const [i, frame] of frames.entries()) {
      const start = performance.now();
      const text = await decode(frame);
      results.push({ url: samples[i]!.url, text, ms: performance.now() - start });
    }
    engines.push({ engine, results });
  }
  return { engines, unavailable };
}

Object.assign(window, { runDecoderBenchmark: run });
