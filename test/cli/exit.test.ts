// The entries end the process as soon as the command's output is out (src/cli/bin.ts mainThenExit): whenWritten waits for
// every stream still holding output (an asynchronous Windows terminal or pipe), and for nothing else.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { whenWritten } from '../../src/cli/bin.js';

class FakeStream extends EventEmitter {
  constructor(public writableLength: number) {
    super();
  }
  drain(): void {
    this.writableLength = 0;
    this.emit('drain');
  }
}

describe('whenWritten', () => {
  it('goes on at once when nothing is waiting to be written', () => {
    let calls = 0;
    whenWritten([new FakeStream(0), new FakeStream(0)], () => calls++);
    expect(calls).toBe(1);
  });

  it('waits for every stream that still holds output, and goes on once', () => {
    const out = new FakeStream(4096);
    const err = new FakeStream(0);
    const late = new FakeStream(12);
    let calls = 0;
    whenWritten([out, err, late], () => calls++);
    expect(calls).toBe(0);
    out.drain();
    expect(calls).toBe(0);
    late.drain();
    expect(calls).toBe(1);
    // a later drain (more output written afterwards) calls nothing again
    out.drain();
    expect(calls).toBe(1);
  });
});
