import { Transform, type TransformCallback } from 'node:stream';

/** PostgreSQL's binary COPY: the 11-byte signature, flags, then the length of a header extension. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER = SIGNATURE.length + 8;
/** Bytes gathered before a write: a few hundred writes for a whole export instead of one per row. */
const CHUNK = 256 * 1024;
const NEWLINE = 0x0a;

/**
 * The rows of a one-column binary COPY as lines: each value's bytes, then "\n". Binary COPY sends a
 * text value as it is, where the text and CSV formats scan (and escape) every byte of it: for
 * documents of tens of kilobytes this is most of PostgreSQL's work in an export.
 */
export class CopyLines extends Transform {
  /** Input not parsed yet, and how many bytes it must reach before parsing can go on (a long row comes in many chunks). */
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private needed = SIGNATURE.length;
  private headerRead = false;
  private out = Buffer.allocUnsafe(CHUNK);
  private outLength = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    if (this.pendingLength < this.needed) return done();
    const input = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingLength);
    try {
      const at = this.parse(input);
      this.pending = at < input.length ? [input.subarray(at)] : [];
      this.pendingLength = input.length - at;
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    if (this.needed !== Infinity) return done(new Error('COPY: the output ended before its trailer'));
    if (this.outLength) this.push(this.out.subarray(0, this.outLength));
    done();
  }

  /** Takes the whole rows of `input`; returns where the unparsed rest starts, and sets how long it must grow. */
  private parse(input: Buffer): number {
    let at = 0;
    if (!this.headerRead) {
      if (!input.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('COPY: not binary COPY output');
      if (input.length < HEADER) return ((this.needed = HEADER), 0);
      const header = HEADER + input.readUInt32BE(HEADER - 4);
      if (input.length < header) return ((this.needed = header), 0);
      at = header;
      this.headerRead = true;
    }
    for (;;) {
      const left = input.length - at;
      if (left < 2) return ((this.needed = 2), at);
      const fields = input.readInt16BE(at);
      if (fields === -1) return ((this.needed = Infinity), input.length); // the trailer: nothing follows
      if (left < 6) return ((this.needed = 6), at);
      const length = input.readInt32BE(at + 2);
      if (fields !== 1 || length < 0) throw new Error('COPY: expected one non-null value a row');
      if (left < 6 + length) return ((this.needed = 6 + length), at);
      this.append(input, at + 6, at + 6 + length);
      at += 6 + length;
    }
  }

  /** One line (the value's bytes and a newline) into the output chunk, pushed when full. */
  private append(input: Buffer, start: number, end: number): void {
    for (let from = start; from < end; ) {
      const n = Math.min(end - from, CHUNK - this.outLength);
      input.copy(this.out, this.outLength, from, from + n);
      this.outLength += n;
      from += n;
      if (this.outLength === CHUNK) this.pushChunk();
    }
    this.out[this.outLength++] = NEWLINE;
    if (this.outLength === CHUNK) this.pushChunk();
  }

  private pushChunk(): void {
    this.push(this.out);
    this.out = Buffer.allocUnsafe(CHUNK);
    this.outLength = 0;
  }
}
