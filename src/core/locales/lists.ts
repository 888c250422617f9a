// Helpers both languages use to word lists of files.
/** A file's name without its folders. */
export const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

/** The first ten items joined, and how many more. */
export const shortList = (items: readonly string[], separator: string, more: (n: number) => string): string =>
  items.length <= 10 ? items.join(separator) : `${items.slice(0, 10).join(separator)}${separator}${more(items.length - 10)}`;
