// Debounced autosave: the latest value is saved at most `delayMs` after the last change, one save
// at a time; a failed save keeps the value dirty and retries, so nothing the editor typed is lost.
export type SaveState =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; messageZh: string };

export interface AutoSaverOptions<T> {
  save: (value: T) => Promise<void>;
  onState: (state: SaveState) => void;
  describe: (e: unknown) => string;
  delayMs?: number;
  retryMs?: number;
  now?: () => Date;
}

export class AutoSaver<T> {
  private latest: T | null = null;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private disposed = false;

  constructor(private readonly options: AutoSaverOptions<T>) {}

  get hasUnsavedChanges(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  update(value: T): void {
    this.latest = value;
    this.dirty = true;
    this.options.onState({ kind: 'pending' });
    this.schedule(this.options.delayMs ?? 1200);
  }

  /** Save now (e.g. before export or leaving the issue) and wait until everything is stored. */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.inFlight) await this.inFlight;
    if (this.dirty) await this.run();
    if (this.dirty) throw new Error('unsaved changes remain');
  }

  /** Wait for a save in progress (if any) to end, without starting one: then what is stored is known. */
  async settled(): Promise<void> {
    while (this.inFlight) await this.inFlight.catch(() => {});
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    if (this.inFlight) {
      await this.inFlight;
      if (this.dirty && !this.timer) return this.run();
      return;
    }
    if (!this.dirty || this.latest === null) return;
    const value = this.latest;
    this.dirty = false;
    this.options.onState({ kind: 'saving' });
    this.inFlight = this.options.save(value).then(
      () => {
        this.inFlight = null;
        if (!this.dirty) this.options.onState({ kind: 'saved', at: (this.options.now ?? (() => new Date()))() });
      },
      (e: unknown) => {
        this.inFlight = null;
        // Keep it dirty: the next change or the retry saves the latest value.
        this.dirty = true;
        this.options.onState({ kind: 'failed', messageZh: this.options.describe(e) });
        if (!this.disposed) this.schedule(this.options.retryMs ?? 5000);
      },
    );
    await this.inFlight;
  }
}
