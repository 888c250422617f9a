import { strToU8, zipSync } from 'fflate';

/**
 * A paragraph of a test .docx: `level` puts it in Word's automatic numbering (list `list`, 1 by default); `style`
 * gives it a paragraph style (whose numbering it then inherits).
 */
export interface DocxParagraph {
  text: string;
  level?: number;
  list?: number;
  style?: string;
}

/** A table cell: its text (paragraphs parted by \n), the grid columns it spans, and whether it merges with the cell above. */
export type DocxCell = string | { text: string; span?: number; merge?: 'restart' | 'continue' };

/** A table, a row of cells each. */
export interface DocxTable {
  rows: DocxCell[][];
}

export type DocxBlock = DocxParagraph | DocxTable;

export interface DocxOptions {
  /** w:num and w:abstractNum elements beyond list 1 (一、 (一) 1.). */
  numbering?: string;
  /** w:style elements of word/styles.xml. */
  styles?: string;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function paragraphXml({ text, level, list, style }: DocxParagraph): string {
  const numPr = level === undefined ? '' : `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${list ?? 1}"/></w:numPr>`;
  const pStyle = style === undefined ? '' : `<w:pStyle w:val="${style}"/>`;
  const pPr = numPr || pStyle ? `<w:pPr>${pStyle}${numPr}</w:pPr>` : '';
  // Split the text over two runs, as Word does after edits.
  const half = Math.ceil(text.length / 2);
  const runs = [text.slice(0, half), text.slice(half)]
    .filter(Boolean)
    .map((t) => `<w:r><w:t xml:space="preserve">${escapeXml(t)}</w:t></w:r>`)
    .join('');
  return `<w:p>${pPr}${runs}</w:p>`;
}

function tableXml({ rows }: DocxTable): string {
  const width = Math.max(...rows.map((r) => r.reduce((n, c) => n + (typeof c === 'string' ? 1 : (c.span ?? 1)), 0)));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1200"/>'.repeat(width)}</w:tblGrid>`;
  const cell = (c: DocxCell): string => {
    const { text, span, merge } = typeof c === 'string' ? { text: c, span: undefined, merge: undefined } : c;
    const props = `<w:tcPr><w:tcW w:w="1200" w:type="dxa"/>${span ? `<w:gridSpan w:val="${span}"/>` : ''}${merge === 'restart' ? '<w:vMerge w:val="restart"/>' : merge === 'continue' ? '<w:vMerge/>' : ''}</w:tcPr>`;
    return `<w:tc>${props}${text.split('\n').map((t) => paragraphXml({ text: t })).join('')}</w:tc>`;
  };
  const body = rows.map((r) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${r.map(cell).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${body}</w:tbl>`;
}

/**
 * A minimal but complete WordprocessingML package, as Word writes it: content types, relationships,
 * document, numbering and styles parts. List 1's level formats: 0 一、, 1 (一), 2 1.
 */
export function buildDocx(blocks: readonly DocxBlock[], options: DocxOptions = {}): Uint8Array {
  const body = blocks.map((b) => ('rows' in b ? tableXml(b) : paragraphXml(b))).join('');
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const level = (ilvl: number, fmt: string, text: string) =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
    'word/numbering.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}${level(1, 'chineseCounting', '（%2）')}${level(2, 'decimal', '%3.')}</w:abstractNum>${options.numbering ?? ''}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
    ),
    'word/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${options.styles ?? ''}</w:styles>`,
    ),
  });
}
