// Notes (Excel's legacy comments) added to a worksheet: its comments part and the VML drawing that shows them, each merged with what the sheet has.
import type { XlsxPackage } from './xlsx/package.js';
import { escapeCellText } from './xlsx/strings.js';
import { attribute, escapeText, findElement, findElements } from './xlsx/xml.js';

/** A note to put on a cell: its address (0-based row and column for the drawing) and its text in runs. */
export interface Note {
  readonly cell: string;
  readonly row: number;
  readonly column: number;
  readonly runs: readonly NoteRun[];
}

export interface NoteRun {
  readonly text: string;
  readonly bold?: boolean;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
/** Excel numbers a drawing's shapes from 1024 × its idmap block. */
const SHAPES_PER_BLOCK = 1024;
/** The sheet elements a legacyDrawing comes before (CT_Worksheet). */
const AFTER_LEGACY_DRAWING = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/**
 * Puts notes on cells of a sheet and returns the sheet's XML (with a legacyDrawing when it had none). The sheet's own
 * comments stay as they are: a note on a cell that has a comment is added below its text.
 */
export function addNotes(pkg: XlsxPackage, sheetPart: string, sheetXml: string, notes: readonly Note[], author: string): string {
  if (notes.length === 0) return sheetXml;
  const rels = pkg.relationships(sheetPart);
  let commentsPart = rels.find((r) => r.type === 'comments' && !r.external)?.target;
  let comments = commentsPart === undefined ? undefined : pkg.text(commentsPart);
  comments ??= `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors></authors><commentList></commentList></comments>`;
  const { xml: withAuthor, id: authorId } = authorIndex(comments, author);
  comments = withAuthor;
  const fresh: Note[] = [];
  for (const note of notes) {
    const merged = appendToComment(comments, note);
    if (merged === undefined) fresh.push(note);
    else comments = merged;
  }
  const list = findElement(comments, 'commentList') as NonNullable<ReturnType<typeof findElement>>;
  const added = fresh.map((n) => `<comment ref="${n.cell}" authorId="${authorId}"><text>${runsXml(n.runs)}</text></comment>`).join('');
  comments = list.open === list.close ? `${comments.slice(0, list.start)}<commentList>${added}</commentList>${comments.slice(list.end)}` : comments.slice(0, list.close) + added + comments.slice(list.close);
  if (commentsPart === undefined) {
    commentsPart = pkg.freeName((n) => `xl/comments${n}.xml`);
    pkg.add(commentsPart, comments, COMMENTS_TYPE);
    pkg.relate(sheetPart, 'comments', commentsPart);
  } else {
    pkg.set(commentsPart, comments);
  }
  if (fresh.length === 0) return sheetXml;

  const legacy = findElement(sheetXml, 'legacyDrawing');
  const legacyId = legacy && /\s[\w]+:id\s*=\s*["']([^"']+)["']/.exec(legacy.attributes)?.[1];
  const vmlPart = rels.find((r) => r.id === legacyId && !r.external)?.target;
  if (vmlPart !== undefined && pkg.has(vmlPart)) {
    pkg.set(vmlPart, withShapes(pkg.require(vmlPart), fresh));
    return sheetXml;
  }
  const part = pkg.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
  const block = Math.max(0, ...pkg.names.filter((n) => n.toLowerCase().endsWith('.vml')).flatMap((n) => idBlocks(pkg.text(n) ?? ''))) + 1;
  pkg.add(part, withShapes(newDrawing(block), fresh), VML_TYPE);
  const id = pkg.relate(sheetPart, 'vmlDrawing', part);
  const element = `<legacyDrawing xmlns:r="${RELATIONSHIPS}" r:id="${id}"/>`;
  // A sheet whose drawing went missing keeps its element, pointed at the new drawing.
  if (legacy) return sheetXml.slice(0, legacy.start) + element + sheetXml.slice(legacy.end);
  return insertBefore(sheetXml, element);
}

/** The comments part with `author` among its authors, and that author's index. */
function authorIndex(xml: string, author: string): { xml: string; id: number } {
  const authors = findElement(xml, 'authors');
  if (!authors) return { xml, id: 0 };
  const names = findElements(xml, 'author', authors.open, authors.close).map((e) => xml.slice(e.open, e.close));
  const known = names.indexOf(escapeText(author));
  if (known >= 0) return { xml, id: known };
  const element = `<author>${escapeText(author)}</author>`;
  const out = authors.open === authors.close ? `${xml.slice(0, authors.start)}<authors>${element}</authors>${xml.slice(authors.end)}` : xml.slice(0, authors.close) + element + xml.slice(authors.close);
  return { xml: out, id: names.length };
}

/** The comments part with the note's runs added below the comment already on its cell; undefined when the cell has none. */
function appendToComment(xml: string, note: Note): string | undefined {
  const list = findElement(xml, 'commentList');
  if (!list) return undefined;
  const comment = findElements(xml, 'comment', list.open, list.close).find((e) => attribute(e.attributes, 'ref') === note.cell);
  const text = comment && findElement(xml, 'text', comment.open, comment.close);
  if (!comment || !text || text.open === text.close) return undefined;
  const runs = runsXml([{ text: '\n' }, ...note.runs]);
  // A comment of plain text (<t> without runs) is made a run first, so that runs may follow it.
  const inner = xml.slice(text.open, text.close);
  const own = /^\s*<t\b/.test(inner) ? `<r>${inner}</r>` : inner;
  return `${xml.slice(0, text.open)}${own}${runs}${xml.slice(text.close)}`;
}

function runsXml(runs: readonly NoteRun[]): string {
  return runs.map((r) => `<r><rPr>${r.bold ? '<b/>' : ''}<sz val="9"/></rPr><t xml:space="preserve">${escapeCellText(r.text)}</t></r>`).join('');
}

/** The idmap blocks a VML drawing uses (data="1" or "1,2"). */
function idBlocks(vml: string): number[] {
  return [...vml.matchAll(/<o:idmap\b[^>]*\bdata\s*=\s*["']([^"']*)["']/g)].flatMap((m) => (m[1] as string).split(/[\s,]+/).map(Number).filter(Number.isFinite));
}

function newDrawing(block: number): string {
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout></xml>`;
}

const NOTE_SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** A VML drawing with a hidden note shape for each note, as Excel draws one: beside its cell, shown when the cell is pointed at. */
function withShapes(vml: string, notes: readonly Note[]): string {
  const used = [...vml.matchAll(/\bid\s*=\s*["']_x0000_s(\d+)["']/g)].map((m) => Number(m[1]));
  let next = Math.max((idBlocks(vml)[0] ?? 1) * SHAPES_PER_BLOCK, ...used) + 1;
  const type = vml.includes('_x0000_t202') ? '' : NOTE_SHAPE_TYPE;
  const shapes = notes.map((n) => {
    const anchor = [n.column + 1, 15, Math.max(0, n.row - 1), 10, n.column + 5, 15, n.row + 6, 4].join(', ');
    return (
      `<v:shape id="_x0000_s${next++}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:110pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.column}</x:Column></x:ClientData></v:shape>`
    );
  });
  const end = vml.lastIndexOf('</xml>');
  return end < 0 ? vml : vml.slice(0, end) + type + shapes.join('') + vml.slice(end);
}

/** The sheet with `element` among its top-level elements where CT_Worksheet puts a legacyDrawing. */
function insertBefore(sheetXml: string, element: string): string {
  const root = findElement(sheetXml, 'worksheet');
  const data = root && findElement(sheetXml, 'sheetData', root.open);
  if (!root || !data) return sheetXml;
  // The top-level elements after the cells, walked one by one: a nested extLst (inside a rule) is not one.
  for (let at = data.end; at < root.close; ) {
    const lt = sheetXml.indexOf('<', at);
    if (lt < 0 || lt >= root.close) break;
    if (sheetXml.startsWith('<!--', lt)) {
      const close = sheetXml.indexOf('-->', lt);
      if (close < 0) break;
      at = close + 3;
      continue;
    }
    const name = /^<([\w:]+)/.exec(sheetXml.slice(lt, lt + 64))?.[1];
    const e = name === undefined ? undefined : findElement(sheetXml, name, lt);
    if (!name || !e) break;
    if (AFTER_LEGACY_DRAWING.includes(name)) return sheetXml.slice(0, lt) + element + sheetXml.slice(lt);
    at = e.end;
  }
  return sheetXml.slice(0, root.close) + element + sheetXml.slice(root.close);
}
