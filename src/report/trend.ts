import type { History, TargetHistory } from '../core/history.js';
import { textWidth } from '../core/fit.js';
import { message } from '../core/locales/index.js';
import { periodLabel } from '../core/locales/lists.js';
import type { Wording } from '../core/locales/wording.js';
import { inStated, statedUnitOf } from '../core/unit.js';
import { escapeHtml } from './_escape.js';

const FIGURE = '#2f5597';
const TARGET = '#7f7f7f';
const FELL = '#c00000';
const FONT_PX = 12;
/** Pixels per digit width (fit.ts) at 12px: a Chinese character is two, 12px. */
const UNIT_PX = FONT_PX / 2;
const PLOT = { top: 22, height: 90 };
const AXIS_LINES = 2;
const LINE_PX = 15;

/** What the trend charts need besides the report's own styles. */
export const TREND_CSS = `.trends{display:flex;flex-wrap:wrap;gap:12px 24px}.trend{margin:0;break-inside:avoid}.trend figcaption{font-size:13px;margin-bottom:2px;max-width:420px}svg.trend-chart text{font-size:${FONT_PX}px;fill:#222}svg.trend-chart text.change{fill:#595959}svg.key-icon{vertical-align:-2px;margin-right:4px}`;

/** The section of the report (and the history page) with a trend line per target: figures by period, the target, falls. */
export function trendSection(history: History, w: Wording): string {
  const h = w.history;
  const names = history.periods.map((p) => periodLabel(p, w));
  const span = names.length === 0 ? '' : h.span(names[0] as string, names[names.length - 1] as string, names.length);
  const fell = new Set(history.findings.flatMap((f) => (f.code === 'history-figure-fell' ? [`${f.targetId}|${f.params.to}`] : [])));
  const charts = history.targets
    .filter((t) => t.points.some((p) => p?.row.figure !== null && p?.row.figure !== undefined))
    .map((t) => `<figure class="trend" data-target="${escapeHtml(t.id)}"><figcaption>${escapeHtml(`${t.path} ${t.taskTitle}:${t.metric}(${statedUnitOf(t).unit})`)}</figcaption>${trendChart(t, names, fell, w)}</figure>`)
    .join('\n');
  const key = (svg: string, label: string) => `<span class="key"><svg class="key-icon" width="24" height="12" viewBox="0 0 24 12">${svg}</svg>${escapeHtml(label)}</span>`;
  const legend = [
    key(`<line x1="0" y1="6" x2="24" y2="6" stroke="${FIGURE}" stroke-width="2"/><circle cx="12" cy="6" r="3.5" fill="${FIGURE}"/>`, h.legend.figure),
    key(`<line x1="0" y1="6" x2="24" y2="6" stroke="${TARGET}" stroke-width="1.5" stroke-dasharray="4 3"/>`, h.legend.target),
    key(`<circle cx="12" cy="6" r="4.5" fill="${FELL}"/>`, h.legend.fell),
  ].join('');
  return `<section id="history"><h2>${escapeHtml(h.heading)}</h2><p class="meta">${escapeHtml(span)}</p><div class="legend" id="trend-legend">${legend}</div><div class="trends">${charts}</div></section>`;
}

/** One target's line: a point per period with its figure above it, the target dashed, each period's name and 环比 below. */
function trendChart(t: TargetHistory, names: readonly string[], fell: ReadonlySet<string>, w: Wording): string {
  const unit = statedUnitOf(t);
  const shown = (x: number): number => inStated(x, unit);
  const changes = t.changes.map((c) => (c === null ? '' : `${c.absolute >= 0 ? '+' : ''}${shown(c.absolute)}${c.share === null ? '' : `(${c.absolute >= 0 ? '+' : ''}${w.percent(c.share)})`}`));
  const figures = t.points.map((p) => p?.row.figure ?? null);
  const labels = t.points.map((p) => (p?.row.figure === null || p === null ? '' : String(shown(p.row.figure))));
  const widest = Math.max(48, ...[...names, ...changes, ...labels].map((s) => Math.ceil(textWidth(s) * UNIT_PX)));
  const step = widest + 16;
  const left = Math.ceil(widest / 2) + 8;
  const width = left * 2 + step * Math.max(0, names.length - 1);
  const values = t.points.flatMap((p) => [p?.row.figure ?? null, p?.row.value ?? null]).filter((v): v is number => v !== null);
  const max = Math.max(...values, 0) || 1;
  const x = (k: number) => left + k * step;
  const y = (v: number) => PLOT.top + PLOT.height * (1 - v / max);
  const base = PLOT.top + PLOT.height;
  const height = base + 6 + AXIS_LINES * LINE_PX;
  const path = (series: readonly (number | null)[]) =>
    series.map((v, k) => (v === null ? '' : `${k === 0 || series[k - 1] === null ? 'M' : 'L'}${x(k).toFixed(1)},${y(v).toFixed(1)}`)).join('');
  const target = path(t.points.map((p) => p?.row.value ?? null));
  const points = figures
    .map((v, k) => {
      if (v === null) return '';
      const down = fell.has(`${t.points[k]?.row.id}|${t.points[k]?.period}`);
      const title = `${names[k]} ${labels[k]}${unit.unit}${changes[k] ? ` ${changes[k]}` : ''}`;
      return `<circle class="point${down ? ' fell' : ''}" cx="${x(k).toFixed(1)}" cy="${y(v).toFixed(1)}" r="${down ? 4.5 : 3.5}" fill="${down ? FELL : FIGURE}"><title>${escapeHtml(title)}</title></circle><text x="${x(k).toFixed(1)}" y="${(y(v) - 8).toFixed(1)}" text-anchor="middle">${escapeHtml(labels[k])}</text>`;
    })
    .join('');
  const axis = names
    .map((name, k) => `<text class="period" x="${x(k)}" y="${base + 18}" text-anchor="middle">${escapeHtml(name)}</text>${changes[k] ? `<text class="change" x="${x(k)}" y="${base + 18 + LINE_PX}" text-anchor="middle">${escapeHtml(changes[k])}</text>` : ''}`)
    .join('');
  return `<svg class="trend-chart" role="img" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><line x1="${left - 8}" y1="${base}" x2="${width - left + 8}" y2="${base}" stroke="#bfbfbf"/>${target ? `<path class="target" d="${target}" fill="none" stroke="${TARGET}" stroke-width="1.5" stroke-dasharray="4 3"/>` : ''}<path class="figure" d="${path(figures)}" fill="none" stroke="${FIGURE}" stroke-width="2"/>${points}${axis}</svg>`;
}

/** The history command's page: the plan, the periods, a trend line per target, and the running figures that fell. */
export function renderHistoryHtml(history: History, plan: { readonly title: string; readonly docNumber: string | null }, generatedAt: string, w: Wording): string {
  const findings = history.findings.length
    ? `<ul id="history-findings">${history.findings.map((f) => `<li data-code="${escapeHtml(f.code)}">${escapeHtml(message(f, w))}</li>`).join('')}</ul>`
    : `<p>${escapeHtml(w.report.none)}</p>`;
  return `<!doctype html>
<html lang="${w.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${plan.title} · ${w.history.heading}`)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222;font-size:14px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta{color:#666;margin:0 0 12px}.legend{display:flex;gap:16px;flex-wrap:wrap;margin:8px 0 4px}
${TREND_CSS}
@media print{body{margin:0;font-size:11px}h2{break-after:avoid}@page{size:A4 landscape;margin:12mm}}
</style>
</head>
<body>
<header><h1>${escapeHtml(plan.title)}</h1><p class="meta">${escapeHtml([plan.docNumber, w.history.heading].filter(Boolean).join(' · '))} · ${escapeHtml(w.report.generated)} ${escapeHtml(generatedAt)}</p></header>
${trendSection(history, w)}
<section id="findings"><h2>${escapeHtml(w.report.findings)}</h2>${findings}</section>
</body>
</html>
`;
}
