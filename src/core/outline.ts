import { parseChineseNumeral } from './numeral.js';
import type { Paragraph } from './text.js';

/** Numbering styles of the genre: 第一部分 · 第一条 · 一、 · (一) · 1. / 1、 / 1﹒ · (1) · ①. */
export type HeadingStyle = 'part' | 'article' | 'cn' | 'cn-paren' | 'arabic' | 'arabic-paren' | 'circled';

export interface Heading {
  readonly style: HeadingStyle;
  readonly ordinal: number;
  /** Offset where the heading's own words start, after the number. */
  readonly bodyStart: number;
}

const CN = '[一二三四五六七八九十]+';
const STYLES: ReadonlyArray<readonly [HeadingStyle, RegExp]> = [
  ['part', new RegExp(`^第(${CN})(?:部分|章|篇)\\s*[、.:]?\\s*`)],
  // 第一条 numbers articles, as tasks are numbered where a plan is written as rules.
  ['article', new RegExp(`^第(${CN})条\\s*[、.:]?\\s*`)],
  ['cn', new RegExp(`^(${CN})\\s*[、.]\\s*`)],
  ['cn-paren', new RegExp(`^\\(\\s*(${CN})\\s*\\)\\s*[、.]?\\s*`)],
  ['arabic', /^(\d{1,3})\s*(?:、|\.(?!\d))\s*/],
  ['arabic-paren', /^\(\s*(\d{1,3})\s*\)\s*/],
  ['circled', /^([\u2460-\u2473])\s*/],
];

/** Which styles may hold tasks, most likely first. */
const TASK_STYLE_PREFERENCE: readonly HeadingStyle[] = ['arabic', 'article', 'cn-paren', 'cn', 'arabic-paren', 'circled', 'part'];

export function headingOf(p: Paragraph): Heading | undefined {
  for (const [style, pattern] of STYLES) {
    const m = pattern.exec(p.text);
    if (!m) continue;
    const token = m[1] as string;
    const ordinal =
      style === 'circled' ? token.charCodeAt(0) - 0x2460 + 1 : /\d/.test(token) ? Number(token) : parseChineseNumeral(token);
    if (ordinal === undefined || ordinal < 1) return undefined;
    return { style, ordinal, bodyStart: p.start + m[0].length };
  }
  return undefined;
}

/** The numbering style that marks tasks: 1. where it is used, else the next finest style present. */
export function taskStyleOf(headings: readonly Heading[]): HeadingStyle | undefined {
  const present = new Set(headings.map((h) => h.style));
  return TASK_STYLE_PREFERENCE.find((s) => present.has(s));
}

/** A heading placed in the outline: its depth and the ordinals from the top down to it. */
export interface Placed {
  readonly heading: Heading;
  readonly paragraph: Paragraph;
  readonly depth: number;
  readonly path: readonly number[];
  readonly isTask: boolean;
}

/**
 * Places headings by the order in which styles nest (the first style seen is the top).
 * Headings nested below the task style are part of their task's text and are not placed.
 */
export class Outline {
  private readonly stack: HeadingStyle[] = [];
  private readonly ordinals: number[] = [];

  /** With no task style, every heading is a part (a plan whose tasks are all in tables). */
  constructor(private readonly taskStyle: HeadingStyle | undefined) {}

  place(heading: Heading, paragraph: Paragraph): Placed | undefined {
    const existing = this.stack.indexOf(heading.style);
    const depth = existing >= 0 ? existing : this.stack.length;
    const taskDepth = this.taskStyle === undefined ? -1 : this.stack.indexOf(this.taskStyle);
    if (heading.style !== this.taskStyle && taskDepth >= 0 && depth > taskDepth) return undefined;
    this.stack.length = depth;
    this.ordinals.length = depth;
    this.stack.push(heading.style);
    this.ordinals.push(heading.ordinal);
    return { heading, paragraph, depth, path: [...this.ordinals], isTask: heading.style === this.taskStyle };
  }
}
