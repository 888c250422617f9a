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

/** The bytes of files a user picked. */
export async function readPicked(input: HTMLInputElement): Promise<{ file: string; bytes: Uint8Array; size: number }[]> {
  return Promise.all(Array.from(input.files ?? []).map(async (f) => ({ file: f.name, size: f.size, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A file picker in the pane's words: a button labelled with the prompt and the names picked beside it (the browser's
 * own "Choose File" is in the browser's language, not the pane's). The input itself stays in the page, hidden.
 */
export function filePicker(input: HTMLInputElement, prompt: string, none: string): HTMLElement {
  const names = h('span', { class: 'picked' }, none);
  input.classList.add('hidden-input');
  input.addEventListener('change', () => {
    const files = Array.from(input.files ?? []).map((f) => f.name);
    names.textContent = files.length === 0 ? none : files.length <= 3 ? files.join('、') : `${files.slice(0, 2).join('、')} … (${files.length})`;
  });
  return h('label', { class: 'file-picker' }, input, h('span', { class: 'file-button' }, prompt), names);
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
