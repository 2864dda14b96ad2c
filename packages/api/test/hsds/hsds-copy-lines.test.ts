import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { CopyLines } from '../../src/hsds/hsds-copy-lines';

/** A one-column binary COPY of these values, as PostgreSQL writes it. */
function binaryCopy(values: string[]): Buffer {
  const header = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(4), Buffer.from([0, 0, 0, 3]), Buffer.from('ext')]);
  const rows = values.map((v) => {
    const bytes = Buffer.from(v, 'utf8');
    const head = Buffer.alloc(6);
    head.writeInt16BE(1, 0);
    head.writeInt32BE(bytes.length, 2);
    return Buffer.concat([head, bytes]);
  });
  return Buffer.concat([header, ...rows, Buffer.from([0xff, 0xff])]);
}

async function lines(input: Buffer, chunkSizes: number[]): Promise<string> {
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < input.length; i++) {
    const size = chunkSizes[i % chunkSizes.length];
    chunks.push(input.subarray(at, at + size));
    at += size;
  }
  return (await buffer(Readable.from(chunks).pipe(new CopyLines()))).toString('utf8');
}

describe('binary COPY rows as lines', () => {
  const values = ['{"a":1}', '', '{"name":"Fëmijë \\"x\\"\\n"}', 'x'.repeat(600_000), '☀𝄞'];
  const expected = values.map((v) => `${v}\n`).join('');

  it('gives each value and a newline, however the input is cut', async () => {
    const input = binaryCopy(values);
    expect(await lines(input, [input.length])).toBe(expected);
    expect(await lines(input, [1])).toBe(expected);
    expect(await lines(input, [3, 7, 1, 65_536, 2])).toBe(expected);
  });

  it('gives nothing for no rows, and refuses what is not binary COPY', async () => {
    expect(await lines(binaryCopy([]), [5])).toBe('');
    await expect(lines(Buffer.from('{"a":1}\n'.repeat(5)), [40])).rejects.toThrow(/not binary COPY/);
    const cut = binaryCopy(values);
    await expect(lines(cut.subarray(0, cut.length - 100), [4096])).rejects.toThrow(/ended before its trailer/);
  });
});
