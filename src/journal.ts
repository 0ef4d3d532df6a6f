/**
 * The journal of a bulk run: an append-only file of JSON lines that says, for each pass, that a
 * request is about to go out (`intent`, on disk before it is sent) and how it ended (`end`). A
 * run that was killed leaves entries with an intent and no end: "in doubt", settled on the next
 * run by reading the pass. Intents of concurrent workers share one write and one fsync (group
 * commit), so durability does not cost a disk flush per pass.
 */
import { type FileHandle, open, readFile } from 'node:fs/promises';

/**
 * The first line of a journal: which run it belongs to.
 *
 * @example
 * ```ts
 * const header: JournalHeader = { journal: 'civic-pass bulk', version: 1, action: 'issue' };
 * ```
 */
export interface JournalHeader {
  journal: 'civic-pass bulk';
  version: 1;
  action: string;
  /** For `expire`: the expiry (seconds since the epoch) every pass of the run gets. */
  at?: number;
}

/**
 * How a pass ended, as the journal keeps it.
 *
 * @example
 * ```ts
 * const end: JournalEnd = { outcome: 'failed', error: { name: 'ConflictError', code: 'CONFLICT', message: '…' } };
 * ```
 */
export interface JournalEnd {
  outcome: 'done' | 'failed';
  /** True when there was nothing to do (the pass was already in that state, or existed). */
  already?: boolean;
  error?: { name: string; code: string; message: string; status?: number };
}

/**
 * What a journal file says: its header, the passes that ended, and those in doubt (an intent
 * without an end) with the time of the intent.
 *
 * @example
 * ```ts
 * const state = await readJournal('wallets.csv.journal');
 * state?.ended.get('solana/devnet/7Bq…'); // { outcome: 'done' }
 * ```
 */
export interface JournalState {
  header: JournalHeader;
  ended: Map<string, JournalEnd>;
  inDoubt: Map<string, number>;
}

type Line = { intent: string; ts: number } | ({ end: string; ts: number } & JournalEnd);

/**
 * Reads a journal, or `undefined` when there is none. A line cut short by a crash is skipped:
 * an intent is only acted on once its whole line is on disk, so a torn one was never sent.
 *
 * @example
 * ```ts
 * const state = await readJournal(path);
 * ```
 */
export async function readJournal(path: string): Promise<JournalState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
  const lines = text.split('\n');
  let header: JournalHeader | undefined;
  const ended = new Map<string, JournalEnd>();
  const inDoubt = new Map<string, number>();
  for (const raw of lines) {
    if (raw.trim() === '') continue;
    let line: unknown;
    try {
      line = JSON.parse(raw);
    } catch {
      continue; // torn by a crash mid-write
    }
    if (header === undefined) {
      const h = line as Partial<JournalHeader>;
      if (h.journal !== 'civic-pass bulk' || h.version !== 1 || typeof h.action !== 'string') {
        throw new Error(`${path} is not a civic-pass bulk journal`);
      }
      header = h as JournalHeader;
      continue;
    }
    const entry = line as Line;
    if ('intent' in entry && typeof entry.intent === 'string') {
      inDoubt.set(entry.intent, entry.ts);
      ended.delete(entry.intent);
    } else if ('end' in entry && typeof entry.end === 'string') {
      inDoubt.delete(entry.end);
      const { end: _key, ts: _ts, ...rest } = entry;
      ended.set(entry.end, rest);
    }
  }
  if (header === undefined) return undefined; // created, then killed before the header landed
  return { header, ended, inDoubt };
}

/**
 * An open journal to append to.
 *
 * @example
 * ```ts
 * const journal = await openJournal(path, header);
 * await journal.intent(key); // on disk: now the request may go out
 * await journal.end(key, { outcome: 'done' });
 * await journal.close();
 * ```
 */
export interface Journal {
  /** Records that a request for `key` is about to be sent; resolves once it is on disk. */
  intent(key: string, now: number): Promise<void>;
  /** Records how `key` ended (written, not necessarily on disk until the next intent or close). */
  end(key: string, end: JournalEnd, now: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens (or creates, writing `header` first) a journal for appending.
 *
 * @example
 * ```ts
 * const journal = await openJournal('wallets.csv.journal', { journal: 'civic-pass bulk', version: 1, action: 'revoke' });
 * ```
 */
export async function openJournal(path: string, header: JournalHeader): Promise<Journal> {
  const handle: FileHandle = await open(path, 'a+');
  const { size } = await handle.stat();
  let pending: string[] = [];
  let waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let durable = false;
  let flushing: Promise<void> | undefined;

  if (size === 0) {
    pending.push(`${JSON.stringify(header)}\n`);
  } else {
    // A line torn by a crash must not swallow the next record.
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    if (last.toString() !== '\n') pending.push('\n');
  }

  async function flush(): Promise<void> {
    while (pending.length > 0) {
      const lines = pending.join('');
      const batch = waiters;
      const sync = durable;
      pending = [];
      waiters = [];
      durable = false;
      try {
        await handle.appendFile(lines);
        if (sync) await handle.datasync();
        for (const w of batch) w.resolve();
      } catch (error) {
        failure ??= error;
        for (const w of batch) w.reject(error);
      }
    }
    flushing = undefined;
  }

  let failure: unknown;

  /** Appends a line that must be on disk (fsync) before the promise resolves. */
  function appendDurably(line: string): Promise<void> {
    return new Promise((resolve, reject) => {
      pending.push(`${line}\n`);
      durable = true;
      waiters.push({ resolve, reject });
      flushing ??= flush();
    });
  }

  return {
    intent: (key, now) => appendDurably(JSON.stringify({ intent: key, ts: now })),
    // An end lost in a crash costs one read on the next run, never a second request: it rides
    // along with the next write instead of waiting for the disk.
    end: async (key, end, now) => {
      if (failure !== undefined) throw failure;
      pending.push(`${JSON.stringify({ end: key, ts: now, ...end })}\n`);
    },
    async close() {
      await flushing;
      if (pending.length > 0) await flush();
      await handle.datasync();
      await handle.close();
      if (failure !== undefined) throw failure;
    },
  };
}
