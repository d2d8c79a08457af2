/** Percentiles and a compact line of figures, for every benchmark's report. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summarize(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export function formatMs(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

export function line(label: string, stats: ReturnType<typeof summarize>): string {
  return `${label.padEnd(34)} n=${String(stats.count).padStart(6)}  p50 ${formatMs(stats.p50).padStart(9)}  p95 ${formatMs(stats.p95).padStart(9)}  p99 ${formatMs(stats.p99).padStart(9)}  max ${formatMs(stats.max).padStart(9)}`;
}
