// The Office namespace: onReady, the context (language, requirement sets) and the document's getFileAsync.
import type { Host } from './_host.js';
import { macrotask, versionAtLeast } from './_runtime.js';

export const HostType = { Word: 'Word', Excel: 'Excel', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' } as const;
export const PlatformType = { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' } as const;
export const AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' } as const;
export const FileType = { Compressed: 'compressed', Pdf: 'pdf', Text: 'text' } as const;

/** Office's File.getSliceAsync gives slices of up to 4 MB (Document.getFileAsync reference). */
const MAX_SLICE = 4_194_304;
/** "No more than two documents are allowed to be in memory" (File.closeAsync reference). */
const MAX_OPEN_FILES = 2;

interface AsyncResult<T> {
  status: 'succeeded' | 'failed';
  value: T | undefined;
  error?: { name: string; message: string; code: number };
  asyncContext?: unknown;
}
type Callback<T> = (result: AsyncResult<T>) => void;

const failed = <T>(name: string, message: string, asyncContext: unknown): AsyncResult<T> => ({ status: 'failed', value: undefined, error: { name, message, code: 5001 }, asyncContext });
const succeeded = <T>(value: T, asyncContext: unknown): AsyncResult<T> => ({ status: 'succeeded', value, asyncContext });

export function createOffice(host: Host): Record<string, unknown> {
  const platform = host.options.platform ?? 'PC';
  const requirements = { ExcelApi: host.apiVersion, ...host.options.requirements };
  let openFiles = 0;

  const getFileAsync = (fileType: string, optionsOrCallback?: unknown, maybeCallback?: unknown): void => {
    const options = (typeof optionsOrCallback === 'object' && optionsOrCallback !== null ? optionsOrCallback : {}) as { sliceSize?: number; asyncContext?: unknown };
    const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as Callback<unknown> | undefined;
    const ctx = options.asyncContext;
    const answer = (r: AsyncResult<unknown>): void => callback?.(r);
    void host.track(
      (async () => {
        await macrotask();
        if (fileType !== FileType.Compressed) return answer(failed('Invalid format', `The fake offers only Office.FileType.Compressed, not ${fileType}.`, ctx));
        // Office documents Compressed for Excel on Windows and Mac, and only Pdf for Excel on the web.
        if (platform === 'OfficeOnline') return answer(failed('Invalid format', 'Excel on the web does not give the file as Compressed (only Pdf).', ctx));
        const sliceSize = options.sliceSize ?? MAX_SLICE;
        if (!Number.isInteger(sliceSize) || sliceSize <= 0 || sliceSize > MAX_SLICE) return answer(failed('Internal Error', `A slice is at most ${MAX_SLICE} bytes.`, ctx));
        if (openFiles >= MAX_OPEN_FILES) return answer(failed('Internal Error', 'Two files are already open; close one with File.closeAsync.', ctx));
        let bytes: Uint8Array;
        try {
          bytes = Uint8Array.from(await host.serialize());
        } catch (e) {
          return answer(failed('Internal Error', String(e), ctx));
        }
        openFiles++;
        let closed = false;
        const sliceCount = Math.max(1, Math.ceil(bytes.length / sliceSize));
        const file = {
          size: bytes.length,
          sliceCount,
          getSliceAsync(index: number, cb?: Callback<{ data: number[]; index: number; size: number }>): void {
            void host.track(
              macrotask().then(() => {
                if (closed) return cb?.(failed('Internal Error', 'The file is closed.', undefined));
                if (!Number.isInteger(index) || index < 0 || index >= sliceCount) return cb?.(failed('Internal Error', `There is no slice ${index}.`, undefined));
                const data = Array.from(bytes.subarray(index * sliceSize, (index + 1) * sliceSize));
                return cb?.(succeeded({ data, index, size: data.length }, undefined));
              }),
            );
          },
          closeAsync(cb?: Callback<void>): void {
            void host.track(
              macrotask().then(() => {
                if (!closed) {
                  closed = true;
                  openFiles--;
                }
                cb?.(succeeded(undefined, undefined));
              }),
            );
          },
        };
        return answer(succeeded(file, ctx));
      })(),
    );
  };

  const context = {
    host: HostType.Excel,
    platform,
    displayLanguage: host.options.displayLanguage ?? 'zh-CN',
    contentLanguage: host.options.displayLanguage ?? 'zh-CN',
    diagnostics: { host: HostType.Excel, platform, version: '16.0.17928.20114' },
    requirements: {
      /** True for a set the host has, up to its version (1.10 > 1.9). */
      isSetSupported(name: string, minVersion?: string | number): boolean {
        const have = (requirements as Record<string, string | undefined>)[name];
        return have !== undefined && versionAtLeast(have, minVersion ?? '1.1');
      },
    },
    document: { getFileAsync },
  };

  const office: Record<string, unknown> = { HostType, PlatformType, AsyncResultStatus, FileType, context: undefined };
  const info = { host: HostType.Excel, platform };
  // Office.context exists only once Office has initialised, and that is after the page's DOM is ready.
  const ready = (async () => {
    const doc = (globalThis as { document?: { readyState: string; addEventListener(t: string, f: () => void): void } }).document;
    if (doc !== undefined && doc.readyState === 'loading') await new Promise<void>((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve()));
    await macrotask();
    office.context = context;
    const initialize = office.initialize;
    if (typeof initialize === 'function') (initialize as (reason: string) => void)('DocumentOpened');
    return info;
  })();
  office.onReady = (callback?: (i: typeof info) => unknown): Promise<typeof info> =>
    ready.then((i) => {
      callback?.(i);
      return i;
    });
  return office;
}
