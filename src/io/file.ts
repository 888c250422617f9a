import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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
    throw new PlanLedgerError('output-unwritable', { file: path, detail: (cause as NodeJS.ErrnoException).code ?? String(cause) }, { cause });
  }
}

/** Writes several files, each atomically; on failure the ones already renamed stay whole. */
export async function writeFilesAtomic(files: ReadonlyArray<readonly [path: string, data: string | Uint8Array]>): Promise<void> {
  for (const [path, data] of files) await writeFileAtomic(path, data);
}
