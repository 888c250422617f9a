import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SheetReader, SheetReading } from '../core/consolidate.js';
import type { PlanRecords } from '../core/record.js';
import { oversizedReading, type PreviousFigures, type SheetSource } from '../sheets/read.js';

/**
 * The worker's entry: the built .js, or, when running from TypeScript sources under tsx (tests, bench),
 * a bootstrap that registers tsx's loader in the worker first (Node 20 does not pass --import to workers).
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./read-worker.js', import.meta.url);
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./read-worker.ts', import.meta.url).href;
  const bootstrap = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(worker)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}

const YOUNG_GENERATION_MB = 48;

/** Files per message to a worker. */
export const BATCH = 8;
const MAX_IN_FLIGHT = 2;

interface Pending {
  resolve: (readings: readonly SheetReading[]) => void;
  reject: (error: Error) => void;
}

/** Worker threads that read and check progress sheets from disk: each reading comes back as consolidation keeps it. */
export class ReadPool {
  readonly size: number;
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  /** Batches in flight per worker; two, so a worker never waits for the main thread between batches. */
  private readonly inFlight = new Map<Worker, number>();
  private readonly queue: { id: number; file: string }[] = [];
  private nextId = 0;

  constructor(records: PlanRecords, size = Math.max(1, Math.min(availableParallelism(), 8)), previous?: PreviousFigures) {
    this.size = size;
    this.workers = Array.from({ length: size }, () => {
      // Reading allocates many short strings; a young generation as large as the main thread's keeps scavenges rare.
      const worker = new Worker(workerEntry(), { workerData: { records, previous }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker.on('message', (results: { id: number; readings?: SheetReading[]; error?: string }[]) => {
        for (const m of results) {
          const job = this.pending.get(m.id);
          this.pending.delete(m.id);
          if (m.readings) job?.resolve(m.readings);
          else job?.reject(new Error(m.error ?? 'worker failed'));
        }
        this.inFlight.set(worker, (this.inFlight.get(worker) ?? 1) - 1);
        this.fill();
      });
      worker.on('error', (error) => {
        for (const job of this.pending.values()) job.reject(error);
        this.pending.clear();
      });
      this.inFlight.set(worker, 0);
      return worker;
    });
  }

  /** A SheetReader that hands each file to the next free worker; sources must be files on disk. An oversized file is never read. */
  readonly reader: SheetReader<SheetSource> = (input) => {
    const tooLarge = oversizedReading(input);
    return tooLarge ? Promise.resolve(tooLarge) : this.read(input.file);
  };

  private read(file: string): Promise<readonly SheetReading[]> {
    return new Promise<readonly SheetReading[]>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.queue.push({ id, file });
      // Jobs arrive one by one; hand them out once a batch is full, or at the next turn of the event loop.
      if (this.queue.length >= BATCH) this.fill();
      else queueMicrotask(() => this.fill());
    });
  }

  /** Hands each worker batches of files (one round trip for several small files), up to two batches in flight. */
  private fill(): void {
    for (const worker of this.workers) {
      while (this.queue.length > 0 && (this.inFlight.get(worker) ?? 0) < MAX_IN_FLIGHT) {
        worker.postMessage(this.queue.splice(0, BATCH));
        this.inFlight.set(worker, (this.inFlight.get(worker) ?? 0) + 1);
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
