import type { Writable } from 'node:stream';

/**
 * Writes a chunk and, when the stream's buffer is full, waits until it drains: bounded memory for a
 * response of any size. A stream that closes meanwhile (the client went away) ends the wait too, so
 * an abandoned download never leaves its producer waiting for ever; the producer checks `destroyed`.
 */
export async function writeDrained(stream: Writable, chunk: string | unknown[]): Promise<void> {
  if (stream.write(chunk) || stream.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
