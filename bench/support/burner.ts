/**
 * The "loaded machine" condition, reproducible: worker threads that spin on every core until
 * stopped, so a figure measured under the burner does not depend on what else the machine runs.
 */
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Spins until the parent terminates the thread (a tight loop: one core at 100 %). */
const SPIN = `for (;;) { let x = 0; for (let i = 0; i < 1e7; i++) x += i; }`;

export interface Burner {
  threads: number;
  stop(): Promise<void>;
}

/** Starts one spinning thread per core (or `threads`). */
export function startBurner(threads = cpus().length): Burner {
  const workers = Array.from({ length: threads }, () => new Worker(SPIN, { eval: true }));
  return {
    threads,
    async stop() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Runs `fn` with the burner on, stopping it even when `fn` throws. */
export async function underBurner<T>(fn: () => Promise<T>): Promise<T> {
  const b = startBurner();
  try {
    return await fn();
  } finally {
    await b.stop();
  }
}
