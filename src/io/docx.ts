import { unzipSync } from 'fflate';
import { PlanLedgerError } from '../core/error.js';
import { formatChineseNumeral } from '../core/numeral.js';
import { unescapeEntities as unescapeXml } from '../sheets/xlsx/xml.js';

const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const MAX_UNZIPPED = 200 * 1024 * 1024;

interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
}

/**
 * Text of a .docx, a paragraph a line, with Word's automatic list numbers written out
 * (一、 (一) 1.), since plans often number their tasks that way.
 */
export function docxText(bytes: Uint8Array, file: string): string {
  let parts: Record<string, Uint8Array>;
  let total = 0;
  try {
    parts = unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name !== DOCUMENT && entry.name !== NUMBERING) return false;
        total += entry.originalSize;
        if (total > MAX_UNZIPPED) throw new Error('too large');
        return true;
      },
    });
  } catch (cause) {
    if (total > MAX_UNZIPPED) throw new PlanLedgerError('docx-corrupt', { file, reason: 'too-large' }, { cause });
    const detail = String((cause as Error).message ?? cause);
    if (/invalid zip/i.test(detail)) throw new PlanLedgerError('docx-corrupt', { file, reason: 'truncated' }, { cause });
    throw new PlanLedgerError('docx-corrupt', { file, reason: 'unzip', detail }, { cause });
  }
  const documentXml = parts[DOCUMENT];
  if (!documentXml) throw new PlanLedgerError('docx-corrupt', { file, reason: 'no-document' });
  const decoder = new TextDecoder('utf-8');
  const numbering = parts[NUMBERING] ? readNumbering(decoder.decode(parts[NUMBERING])) : new Map<string, Level[]>();
  return paragraphsOf(decoder.decode(documentXml), numbering).join('\n');
}

function paragraphsOf(xml: string, numbering: ReadonlyMap<string, Level[]>): string[] {
  const counters = new Map<string, number[]>();
  const lines: string[] = [];
  for (const p of xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const body = p[0];
    let text = '';
    for (const run of body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)(?:\s[^>]*)?\/>/g)) {
      text += run[1] !== undefined ? unescapeXml(run[1]) : run[2] === 'tab' ? '\t' : '\n';
    }
    const numId = /<w:numId\s+w:val="(\d+)"/.exec(body)?.[1];
    const ilvl = Number(/<w:ilvl\s+w:val="(\d+)"/.exec(body)?.[1] ?? 0);
    const levels = numId === undefined ? undefined : numbering.get(numId);
    if (numId !== undefined && levels) text = label(numId, ilvl, levels, counters) + text;
    lines.push(text);
  }
  return lines;
}

function label(numId: string, ilvl: number, levels: readonly Level[], counters: Map<string, number[]>): string {
  const level = levels[ilvl];
  if (!level || level.format === 'bullet' || level.format === 'none') return '';
  const count = counters.get(numId) ?? [];
  count[ilvl] = count[ilvl] === undefined ? level.start : (count[ilvl] as number) + 1;
  count.length = ilvl + 1;
  counters.set(numId, count);
  return level.text.replace(/%(\d)/g, (_, n: string) => {
    const k = Number(n) - 1;
    return formatNumber(count[k] ?? levels[k]?.start ?? 1, levels[k]?.format ?? 'decimal');
  });
}

function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'ideographDigital':
      return formatChineseNumeral(value).replace(/^一十/, '十');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value >= 1 && value <= 20 ? String.fromCharCode(0x2460 + value - 1) : String(value);
    case 'lowerLetter':
      return String.fromCharCode(96 + (((value - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((value - 1) % 26) + 1));
    default:
      return String(value);
  }
}

/** numId → its levels, following w:num → w:abstractNum. */
function readNumbering(xml: string): Map<string, Level[]> {
  const abstract = new Map<string, Level[]>();
  for (const a of xml.matchAll(/<w:abstractNum\s[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels: Level[] = [];
    for (const l of (a[2] as string).matchAll(/<w:lvl\s[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = l[2] as string;
      levels[Number(l[1])] = {
        start: Number(/<w:start\s+w:val="(\d+)"/.exec(body)?.[1] ?? 1),
        format: /<w:numFmt\s+w:val="(\w+)"/.exec(body)?.[1] ?? 'decimal',
        text: unescapeXml(/<w:lvlText\s+w:val="([^"]*)"/.exec(body)?.[1] ?? ''),
      };
    }
    abstract.set(a[1] as string, levels);
  }
  const byNum = new Map<string, Level[]>();
  for (const n of xml.matchAll(/<w:num\s[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstractId = /<w:abstractNumId\s+w:val="(\d+)"/.exec(n[2] as string)?.[1];
    const levels = abstractId === undefined ? undefined : abstract.get(abstractId);
    if (levels) byNum.set(n[1] as string, levels);
  }
  return byNum;
}
