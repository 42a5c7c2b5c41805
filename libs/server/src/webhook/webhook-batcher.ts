interface Pending<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (err: unknown) => void;
}

/**
 * Coalesces concurrent calls into one batch call (e.g. one SQL statement for many deliveries).
 * Calls made in the same tick go together; while `maxInFlight` batches are running, later calls
 * queue up and leave together in the next batch. Idle: no added latency. Busy: bigger batches,
 * fewer database round trips. If a batch fails, every call in it fails.
 */
export class MicroBatcher<I, O> {
  private queue: Pending<I, O>[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly maxBatch = 100,
    private readonly maxInFlight = 2,
  ) {}

  call(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  private pump() {
    while (this.running < this.maxInFlight && this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.running++;
      this.run(batch.map((p) => p.input))
        .then(
          (outputs) => batch.forEach((p, i) => p.resolve(outputs[i])),
          (err: unknown) => batch.forEach((p) => p.reject(err)),
        )
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
  }
}
