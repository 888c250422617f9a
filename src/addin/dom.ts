/** Elements made with text only: no user text ever goes through innerHTML. */
type Child = Node | string | null | undefined | false;
type Attributes = Readonly<Record<string, string | boolean | number | EventListener | undefined>>;

/** An element with attributes (on… as listeners, booleans as presence) and children (strings as text). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: readonly Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
  return element;
}

/** Replaces an element's children. */
export function fill(parent: Element, ...children: readonly Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/** Offers bytes as a file to save, as a browser download (Excel on the web, and the desktop's web view). */
export function download(bytes: Uint8Array | string, file: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = h('a', { href: url, download: file, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file's bytes as the rules take them, named as the user knows it. */
export interface PickedFile {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly size: number;
}

/** A file the user chose, with its path inside the folder chosen or dropped (its name when picked alone). */
export interface Chosen {
  readonly path: string;
  readonly file: File;
}

export const chosenOf = (files: FileList | null): Chosen[] => Array.from(files ?? []).map((file) => ({ path: file.webkitRelativePath || file.name, file }));

export function readChosen(chosen: readonly Chosen[]): Promise<PickedFile[]> {
  return Promise.all(chosen.map(async ({ path, file }) => ({ file: path, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

/** The bytes of files a user picked. */
export function readPicked(input: HTMLInputElement): Promise<PickedFile[]> {
  return readChosen(chosenOf(input.files));
}

/** Every file dropped, and every file inside each folder dropped (at any depth), with its path from the folder's name. */
export async function droppedFiles(data: DataTransfer): Promise<Chosen[]> {
  const found: Chosen[] = [];
  const entries = Array.from(data.items ?? []).map((item) => [item.webkitGetAsEntry?.() ?? null, item.getAsFile()] as const);
  for (const [entry, file] of entries) {
    if (entry?.isDirectory) await walk(entry as FileSystemDirectoryEntry, found);
    else if (file) found.push({ path: file.name, file });
  }
  return found;
}

async function walk(folder: FileSystemDirectoryEntry, found: Chosen[]): Promise<void> {
  const reader = folder.createReader();
  // readEntries gives a batch at a time (a hundred in Chromium) until it gives none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const entry of batch) {
      if (entry.isDirectory) await walk(entry as FileSystemDirectoryEntry, found);
      else found.push({ path: entry.fullPath.replace(/^\//, ''), file: await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)) });
    }
  }
}

/** Names picked, as the picker shows them: all of a few, the first two of many and how many. */
export function pickedNames(names: readonly string[], none: string): string {
  return names.length === 0 ? none : names.length <= 3 ? names.join('、') : `${names.slice(0, 2).join('、')} … (${names.length})`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A file picker in the pane's words: a button labelled with the prompt and the names picked beside it (the browser's
 * own "Choose File" is in the browser's language, not the pane's). The input itself stays in the page, hidden.
 */
export function filePicker(input: HTMLInputElement, prompt: string, none: string): HTMLElement {
  const names = h('span', { class: 'picked' }, none);
  input.addEventListener('change', () => (names.textContent = pickedNames(chosenOf(input.files).map((c) => c.path), none)));
  return h('label', { class: 'file-picker' }, hidden(input), h('span', { class: 'file-button' }, prompt), names);
}

/** A picker's button alone, its names shown elsewhere (several pickers feeding one choice). */
export function pickerButton(input: HTMLInputElement, prompt: string): HTMLElement {
  return h('label', { class: 'file-picker' }, hidden(input), h('span', { class: 'file-button' }, prompt));
}

function hidden(input: HTMLInputElement): HTMLInputElement {
  input.classList.add('hidden-input');
  return input;
}

/** A yes/no the user chose in this pane before (localStorage may be refused on a locked-down profile). */
export function readChoice(key: string, otherwise: boolean): boolean {
  try {
    const value = localStorage.getItem(key);
    return value === null ? otherwise : value === 'true';
  } catch {
    return otherwise;
  }
}

export function writeChoice(key: string, value: boolean): void {
  try {
    localStorage.setItem(key, String(value));
  } catch {
    // not remembered: the pane still does as asked now
  }
}
