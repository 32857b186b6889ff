// Round-trip accounting: what a benchmark or test reads to judge how the host talks to Excel.

export interface RequestStats {
  /** Queued operations sent (property sets, method calls, loads). */
  ops: number;
  /** UTF-8 size of the request as the fake serialises it (actions and object paths). */
  bytes: number;
  /** UTF-8 size of the loaded data returned. */
  responseBytes: number;
  /** Longest range address passed to getRange/getRanges in this request. */
  maxAddressChars: number;
  /** Error code when the request failed. */
  failed?: string;
}

export class FakeStats {
  requests: RequestStats[] = [];
  /** Calls of the fake's `run`. */
  runs = 0;
  /** The options each run was given, in order (undefined: none). */
  runOptions: ({ delayForCellEdit?: boolean; mergeUndoGroup?: boolean } | undefined)[] = [];

  get syncs(): number {
    return this.requests.length;
  }
  get totalOps(): number {
    return this.requests.reduce((n, r) => n + r.ops, 0);
  }
  get maxRequestBytes(): number {
    return this.requests.reduce((n, r) => Math.max(n, r.bytes), 0);
  }
  get maxResponseBytes(): number {
    return this.requests.reduce((n, r) => Math.max(n, r.responseBytes), 0);
  }
  get maxAddressChars(): number {
    return this.requests.reduce((n, r) => Math.max(n, r.maxAddressChars), 0);
  }

  reset(): void {
    this.requests = [];
    this.runs = 0;
    this.runOptions = [];
  }

  /** Plain summary for reports and benchmarks. */
  summary(): { runs: number; syncs: number; totalOps: number; maxRequestBytes: number; maxResponseBytes: number; maxAddressChars: number; requests: RequestStats[] } {
    return {
      runs: this.runs,
      syncs: this.syncs,
      totalOps: this.totalOps,
      maxRequestBytes: this.maxRequestBytes,
      maxResponseBytes: this.maxResponseBytes,
      maxAddressChars: this.maxAddressChars,
      requests: this.requests.map((r) => ({ ...r })),
    };
  }
}

/** UTF-8 byte length without Node's Buffer (the fake also runs in the browser preview). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
