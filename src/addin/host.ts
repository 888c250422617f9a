/// <reference types="office-js" />
// What the pane asks of Office beyond the workbook: the file as saved, and errors in a line.
import { CODES } from '../core/code.js';

/** The open workbook's bytes, as saved (Office's compressed file, read slice by slice). */
export function workbookBytes(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: 4 * 1024 * 1024 }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) return reject(new Error(result.error.message));
      const file = result.value;
      const parts: Uint8Array[] = [];
      const next = (index: number): void => {
        if (index >= file.sliceCount) {
          file.closeAsync();
          const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
          let at = 0;
          for (const part of parts) {
            out.set(part, at);
            at += part.length;
          }
          return resolve(out);
        }
        file.getSliceAsync(index, (slice) => {
          if (slice.status !== Office.AsyncResultStatus.Succeeded) {
            file.closeAsync();
            return reject(new Error(slice.error.message));
          }
          parts.push(new Uint8Array(slice.value.data as ArrayLike<number>));
          next(index + 1);
        });
      };
      next(0);
    });
  });
}

/** What went wrong, in a line: Office's error code and message, or the error's message. */
export function errorText(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e && typeof e.code === 'string' && CODES[e.code as keyof typeof CODES] === undefined) return `${e.message ?? ''} (${e.code})`;
  return e?.message ?? String(error);
}
