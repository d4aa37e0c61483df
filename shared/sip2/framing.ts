/**
 * Cuts a byte stream into SIP2 frames. Messages end with CR (or CR LF); we cut at CR or LF, so
 * either terminator and a stray blank line all work, and `end()` gives back a last message
 * whose terminator never came. No byte of a multi-byte UTF-8 or GB18030 character is CR or LF.
 */
const CR = 0x0d, LF = 0x0a;

/** Longer than any real message: a stream without line ends is garbage, not a message to buffer. */
const MAX_FRAME_BYTES = 64 * 1024;

export class FrameReader {
  private pending: Uint8Array = new Uint8Array(0);

  /** The complete frames in this chunk (with what came before it); blank lines are dropped. */
  push(chunk: Uint8Array): Uint8Array[] {
    const bytes = this.pending.length === 0 ? chunk : join(this.pending, chunk);
    const frames: Uint8Array[] = [];
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] !== CR && bytes[i] !== LF) continue;
      if (i > start) frames.push(bytes.slice(start, i));
      start = i + 1;
    }
    this.pending = bytes.slice(start);
    if (this.pending.length > MAX_FRAME_BYTES) {
      frames.push(this.pending);
      this.pending = new Uint8Array(0);
    }
    return frames;
  }

  /** What is left when the stream ends: a last message without its terminator, if any. */
  end(): Uint8Array | null {
    const rest = this.pending;
    this.pending = new Uint8Array(0);
    return rest.some((byte) => byte > 0x20) ? rest : null;
  }
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
