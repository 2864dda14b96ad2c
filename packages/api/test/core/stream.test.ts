import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeDrained } from '../../src/core/stream';

/** A sink that takes one chunk and then holds it until told to go on: a slow or stalled client. */
function stalledSink() {
  let release: (() => void) | undefined;
  const sink = new Writable({
    highWaterMark: 1,
    write(_chunk, _encoding, callback) {
      release = callback;
    },
  });
  return { sink, release: () => release?.() };
}

describe('writeDrained', () => {
  it('waits while the buffer is full and goes on when it drains', async () => {
    const { sink, release } = stalledSink();
    let done = false;
    const writing = writeDrained(sink, 'first chunk').then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    release();
    await writing;
    expect(done).toBe(true);
  });

  it('ends the wait when the stream closes before draining (the client went away)', async () => {
    const { sink } = stalledSink();
    const writing = writeDrained(sink, 'first chunk');
    sink.destroy();
    await expect(writing).resolves.toBeUndefined();
    // and a write to the closed stream returns at once
    await expect(writeDrained(sink, 'more')).resolves.toBeUndefined();
  });
});
