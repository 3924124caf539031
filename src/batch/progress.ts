import type { WriteStream } from 'node:tty';

/**
 * A one-line progress bar on stderr: profiles done, rate, and time left when the input size is
 * known (files; not stdin or folders). Shown only on a terminal and outside CI, so logs and pipes
 * never see it.
 */
export function progressWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.CI;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
}

/** The bar's text: `12,345 profiles  3,210/s  [#####-----]  45%  ETA 0:07`. */
export function progressLine(done: number, elapsedSeconds: number, fraction: number | undefined, width = 80): string {
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const parts = [`${done.toLocaleString('en-US')} profiles`, `${Math.round(rate).toLocaleString('en-US')}/s`];
  if (fraction !== undefined) {
    const f = Math.min(1, Math.max(0, fraction));
    const bar = Math.max(10, Math.min(30, width - 60));
    const filled = Math.round(f * bar);
    parts.push(`[${'#'.repeat(filled)}${'-'.repeat(bar - filled)}]`, `${Math.floor(f * 100)}%`);
    parts.push(`ETA ${f > 0 ? formatDuration((elapsedSeconds * (1 - f)) / f) : '--:--'}`);
  }
  return parts.join('  ');
}

export class Progress {
  private done = 0;
  private consumed = 0;
  private readonly start = Date.now();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly stream: WriteStream,
    /** Input bytes in all, when known. */
    private readonly totalBytes: number | undefined,
  ) {
    this.timer = setInterval(() => this.draw(), 200);
    this.timer.unref();
  }

  update(done: number, consumed?: number): void {
    this.done = done;
    if (consumed !== undefined) this.consumed = consumed;
  }

  private draw(): void {
    const fraction = this.totalBytes ? this.consumed / this.totalBytes : undefined;
    const line = progressLine(this.done, (Date.now() - this.start) / 1000, fraction, this.stream.columns);
    this.stream.write(`\r${line}\x1b[K`);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.stream.write('\r\x1b[K');
  }
}
