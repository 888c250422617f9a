import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FileReason } from '../core/code.js';
import { PlanLedgerError } from '../core/error.js';

/** Writes a file so that readers see the old one or the whole new one, never a part: temp file, then rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (cause) {
    await rm(temp, { force: true }).catch(() => undefined); // nothing to clean when the folder itself failed
    throw new PlanLedgerError('output-unwritable', { file: path, ...fileReason(cause) }, { cause });
  }
}

/** Writes several files, each atomically; on failure the ones already renamed stay whole. */
export async function writeFilesAtomic(files: ReadonlyArray<readonly [path: string, data: string | Uint8Array]>): Promise<void> {
  for (const [path, data] of files) await writeFileAtomic(path, data);
}

const REASONS: Readonly<Record<string, FileReason>> = {
  EISDIR: 'is-a-directory',
  ENOTDIR: 'not-a-directory',
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  EROFS: 'read-only',
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EBUSY: 'busy',
  ETXTBSY: 'busy',
};

/** Why the system refused a file, from its error code; the code itself kept for the rest. */
function fileReason(cause: unknown): { reason: FileReason; errno?: string } {
  const errno = (cause as NodeJS.ErrnoException).code;
  const reason = errno === undefined ? undefined : REASONS[errno];
  if (reason) return { reason };
  return errno === undefined ? { reason: 'system' } : { reason: 'system', errno };
}

/** The one line a user reads for a file the system would not give us: missing, or unreadable and why. */
export function fileError(file: string, cause: unknown): PlanLedgerError {
  if (cause instanceof PlanLedgerError) return cause;
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new PlanLedgerError('file-not-found', { file }, { cause });
  return new PlanLedgerError('file-unreadable', { file, ...fileReason(cause) }, { cause });
}

/** A regular file's size and time, or the error to show. Synchronous: cheap, and used for thousands of files. */
export function regularFile(file: string): { size: number; modifiedAt: number } {
  let info;
  try {
    info = statSync(file);
  } catch (cause) {
    throw fileError(file, cause);
  }
  if (!info.isFile()) throw new PlanLedgerError('file-unreadable', { file, reason: info.isDirectory() ? 'is-a-directory' : 'not-a-file' });
  return { size: info.size, modifiedAt: info.mtimeMs };
}

/** A file's bytes, or the error to show. */
export function readFileBytes(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (cause) {
    throw fileError(file, cause);
  }
}
