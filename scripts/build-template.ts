// Writes templates/progress-report.xlsx from src/sheets/default-template.ts (npm run template).
import { writeFileSync } from 'node:fs';
import { buildDefaultTemplate } from '../src/sheets/default-template.js';

const path = new URL('../templates/progress-report.xlsx', import.meta.url);
const workbook = buildDefaultTemplate();
writeFileSync(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
console.log(`wrote ${path.pathname}`);
