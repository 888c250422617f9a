import { accountable, LIGHTS, VERDICTS, type Audit, type Light, type RollUp, type Rules } from '../core/audit.js';
import { chaseList } from '../core/chase.js';
import { textWidth } from '../core/fit.js';
import { message } from '../core/locales/index.js';
import { baseName } from '../core/locales/lists.js';
import type { Wording } from '../core/locales/wording.js';
import { parsePeriod } from '../core/period.js';
import { escapeHtml } from './_escape.js';
import { auditFindings, figureOf, shown, sources } from './tables.js';
import { TREND_CSS, trendSection } from './trend.js';
import { statedUnitOf } from '../core/unit.js';

const COLORS: Readonly<Record<Light, string>> = { green: '#63be7b', yellow: '#ffd966', red: '#f8696b', grey: '#bfbfbf' };

export { escapeHtml };

/** One self-contained HTML page: no external assets, inline SVG charts, a sortable and filterable table, print-friendly. */
export function renderHtml(audit: Audit, generatedAt: string, w: Wording): string {
  const { ledger, judgements } = audit;
  const t = w.report;
  const period = parsePeriod(ledger.period);
  const periodText = period ? w.periodName(period) : ledger.period;
  const lights = w.light;
  const totals = audit.totals;
  const pct = (x: number | null) => (x === null ? '' : w.percent(x));

  const detailRows = ledger.rows
    .map((row, i) => {
      const j = judgements[i];
      if (!j) return '';
      const reason = w.reason(j.reason);
      const departments = w.list(row.departments.map((d) => d.name));
      const unit = statedUnitOf(row).unit;
      // Each department's figure where they disagree, with its unit.
      const figure = figureOf(row, w, unit);
      const cells: [string, string | number][] = [
        [row.path, row.path],
        [row.taskTitle, row.taskTitle],
        [row.metric, row.metric],
        [row.value === null ? '' : `${shown(row, row.value)}${unit}`, row.value ?? -1],
        [row.figure === null ? '' : typeof figure === 'string' ? figure : `${figure}${unit}`, row.figure ?? -1],
        [pct(j.completion), j.completion ?? -1],
        [pct(j.expected), j.expected],
        [w.verdict[j.verdict], j.verdict],
        [lights[j.light], LIGHTS.indexOf(j.light)],
        [reason, reason],
        [departments, departments],
      ];
      return `<tr data-light="${j.light}" title="${escapeHtml(sources(row))}">${cells
        .map(([shown, sort], k) => `<td data-sort="${escapeHtml(sort)}"${k === 8 ? ` class="light ${j.light}"` : ''}>${escapeHtml(shown)}</td>`)
        .join('')}</tr>`;
    })
    .join('\n');
  const types = ['path', 'text', 'text', 'number', 'number', 'number', 'number', 'text', 'number', 'text', 'text'];
  const head = t.columns.map((c, k) => `<th data-type="${types[k]}" tabindex="0" aria-sort="none">${escapeHtml(c)}</th>`).join('');
  // For leaders, at the top: each red row with who answers for it, and who has not reported, with whom to call.
  const red = ledger.rows.flatMap((row, i) => (judgements[i]?.light === 'red' ? [{ row, j: judgements[i] }] : []));
  const redItems = red.length
    ? `<table class="red-items"><thead><tr>${t.redColumns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${red
        .map(({ row, j }) => {
          const owners = accountable(row);
          const supporting = row.departments.filter((d) => !owners.includes(d.name)).map((d) => d.name);
          return `<tr><td>${escapeHtml(row.path)}</td><td>${escapeHtml(row.metric || row.taskTitle)}</td><td>${escapeHtml(w.list(owners))}</td><td>${escapeHtml(w.list(supporting))}</td><td>${escapeHtml(j ? w.reason(j.reason) : '')}</td></tr>`;
        })
        .join('')}</tbody></table>`
    : `<p>${t.none}</p>`;
  const chase = chaseList(ledger);
  const chaseSection = chase.length
    ? `<section id="chase"><h2>${escapeHtml(w.tables.chase.title)}</h2><p>${escapeHtml(w.cli.chase(chase.map((c) => ({ department: c.department, reporter: c.last?.reporter?.name ?? '', phone: c.last?.reporter?.phone ?? '', lastPeriod: c.last?.period ?? null }))))}</p></section>`
    : '';
  const allFindings = auditFindings(audit);
  const findings = allFindings.length
    ? `<table class="findings"><thead><tr>${t.findingColumns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${allFindings
        .map(
          (f) =>
            `<tr class="${f.severity}" data-code="${escapeHtml(f.code)}"><td>${escapeHtml(w.severity[f.severity])}</td><td>${escapeHtml(w.codes[f.code].title)}</td><td>${escapeHtml(message(f, w))}</td><td title="${escapeHtml(f.location.file ?? '')}">${escapeHtml(baseName(f.location.file ?? ''))}</td><td>${escapeHtml(f.location.cell ?? '')}</td></tr>`,
        )
        .join('\n')}</tbody></table>`
    : `<p>${t.none}</p>`;

  return `<!doctype html>
<html lang="${w.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${ledger.planTitle} · ${periodText} · ${t.title}`)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222;font-size:14px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta{color:#666;margin:0 0 12px}.badges{display:flex;gap:12px;flex-wrap:wrap}
.badge{padding:6px 12px;border-radius:4px;font-weight:bold}.badge.green,.light.green{background:${COLORS.green}}.badge.yellow,.light.yellow{background:${COLORS.yellow}}
.badge.red,.light.red{background:${COLORS.red}}.badge.grey,.light.grey{background:${COLORS.grey}}
svg.chart{max-width:100%;height:auto}svg.chart text{font-size:12px;fill:#222}
.legend{display:flex;gap:16px;flex-wrap:wrap;margin:8px 0 4px}.swatch{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
.swatch.green{background:${COLORS.green}}.swatch.yellow{background:${COLORS.yellow}}.swatch.red{background:${COLORS.red}}.swatch.grey{background:${COLORS.grey}}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#ddebf7;cursor:pointer;user-select:none;white-space:nowrap}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
#controls{display:flex;gap:8px;margin-bottom:8px}#filter{flex:1;padding:4px}tr.error td:first-child{color:#9c0006;font-weight:bold}
footer{margin-top:24px;color:#666;font-size:12px}
${TREND_CSS}
@media print{#controls{display:none}body{margin:0;font-size:11px}h2{break-after:avoid}tr{break-inside:avoid}@page{size:A4 landscape;margin:12mm}}
</style>
</head>
<body>
<header>
<h1>${escapeHtml(ledger.planTitle)}</h1>
<p class="meta">${escapeHtml([ledger.docNumber, periodText, t.title].filter(Boolean).join(' · '))} · ${t.generated} ${escapeHtml(generatedAt)}</p>
<p class="meta" id="accounting">${escapeHtml(w.accounting(ledger.accounting))}</p>
</header>
<section id="overview"><h2>${t.overview}</h2><div class="badges">${LIGHTS.map((l) => `<span class="badge ${l}" data-light="${l}">${escapeHtml(lights[l])} ${totals[l]}</span>`).join('')}</div>
${legend(audit.rules, w)}</section>
${chaseSection}
<section id="red-items"><h2>${t.redItems}</h2>${redItems}</section>
<section id="by-department"><h2>${t.byDepartment}</h2>${chart(audit.byDepartment, lights, 'department')}</section>
<section id="by-section"><h2>${t.bySection}</h2>${chart(audit.bySection, lights, 'section')}</section>
${audit.history ? trendSection(audit.history, w) : ''}
<section id="details"><h2>${t.details}</h2>
<div id="controls"><input id="filter" type="search" placeholder="${escapeHtml(t.filter)}"><select id="light-filter"><option value="">${t.all}</option>${LIGHTS.map((l) => `<option value="${l}">${escapeHtml(lights[l])}</option>`).join('')}</select><span id="shown"></span></div>
<table id="detail-table"><thead><tr>${head}</tr></thead><tbody>
${detailRows}
</tbody></table></section>
<section id="findings"><h2>${t.findings}</h2>${findings}</section>
<footer>${escapeHtml(t.footer)}</footer>
<script>
(function () {
  var table = document.getElementById('detail-table');
  var body = table.tBodies[0];
  var filter = document.getElementById('filter');
  var lightFilter = document.getElementById('light-filter');
  var shown = document.getElementById('shown');
  function key(cell, type) {
    var v = cell.getAttribute('data-sort');
    if (type === 'number') return parseFloat(v);
    if (type === 'path') return v.split('.').map(function (n) { return ('0000' + n).slice(-4); }).join('.');
    return v;
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
    function sort() {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var type = th.getAttribute('data-type');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a.cells[index], type), y = key(b.cells[index], type);
        var d = type === 'number' ? x - y : String(x).localeCompare(String(y), document.documentElement.lang);
        return ascending ? d : -d;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    }
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter') sort(); });
  });
  function apply() {
    var text = filter.value.trim().toLowerCase();
    var light = lightFilter.value;
    var count = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var visible = (!light || row.getAttribute('data-light') === light) && (!text || row.textContent.toLowerCase().indexOf(text) >= 0);
      row.hidden = !visible;
      if (visible) count++;
    });
    shown.textContent = count + ' / ' + body.rows.length + ' ${t.rows}';
  }
  filter.addEventListener('input', apply);
  lightFilter.addEventListener('change', apply);
  apply();
})();
</script>
</body>
</html>
`;
}

/** What each light stands for under the rules (a verdict's light is the rules' to set), and the thresholds. */
function legend(rules: Rules, w: Wording): string {
  const t = w.report;
  const meaning = (l: Light): string =>
    w.list([...VERDICTS.filter((v) => v !== 'behind' && rules.lights[v] === l).map((v) => w.verdict[v]), ...(l === 'yellow' || l === 'red' ? [t.behindBy[l]] : [])]);
  const keys = LIGHTS.map((l) => `<span class="key" data-light="${l}"><span class="swatch ${l}"></span>${escapeHtml(`${w.light[l]}:${meaning(l)}`)}</span>`).join('');
  return `<div class="legend" id="legend"><strong>${escapeHtml(t.legend)}</strong>${keys}</div><p class="meta" id="thresholds">${escapeHtml(t.thresholds(rules))}</p>`;
}

const FONT_PX = 12;
/** Pixels per digit width (fit.ts) at the charts' 12px: a Chinese character is two, 12px. */
const UNIT_PX = FONT_PX / 2;
const LINE_PX = 15;
const LABEL_MAX = 336;

/** A label in lines no wider than `width` pixels. */
function labelLines(label: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const c of label) {
    if (line !== '' && textWidth(line + c) * UNIT_PX > width) {
      lines.push(line);
      line = '';
    }
    line += c;
  }
  return [...lines, line];
}

/** Stacked horizontal bars, one per group, each light's count in its colour, every label whole (in lines where long). */
function chart(groups: readonly RollUp[], lights: Readonly<Record<Light, string>>, name: string): string {
  const labelWidth = Math.min(LABEL_MAX, Math.max(80, ...groups.map((g) => Math.ceil(textWidth(g.label) * UNIT_PX)))) + 12;
  const barWidth = 440;
  const max = Math.max(1, ...groups.map((g) => g.total));
  let top = 4;
  const bars = groups
    .map((g) => {
      const lines = labelLines(g.label, labelWidth - 12);
      const rowHeight = Math.max(24, lines.length * LINE_PX + 9);
      const y = top + (rowHeight - 16) / 2;
      top += rowHeight;
      let x = labelWidth;
      const parts = LIGHTS.filter((l) => g.counts[l] > 0)
        .map((l) => {
          const w = (g.counts[l] / max) * barWidth;
          const rect = `<rect class="bar ${l}" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="16" fill="${COLORS[l]}"><title>${escapeHtml(`${g.label} ${lights[l]} ${g.counts[l]}`)}</title></rect>`;
          x += w;
          return rect;
        })
        .join('');
      const first = y + 8 - ((lines.length - 1) * LINE_PX) / 2;
      const label = lines.map((line, k) => `<tspan x="${labelWidth - 6}" y="${first + k * LINE_PX}">${escapeHtml(line)}</tspan>`).join('');
      return `<g class="group" data-total="${g.total}"><text class="label" text-anchor="end" dominant-baseline="middle"><title>${escapeHtml(g.label)}</title>${label}</text>${parts}<text x="${(x + 4).toFixed(1)}" y="${y + 8}" dominant-baseline="middle">${g.total}</text></g>`;
    })
    .join('');
  const height = top + 4;
  return `<svg class="chart" id="chart-${name}" role="img" xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 60}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}">${bars}</svg>`;
}
