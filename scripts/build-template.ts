// Writes templates/progress-report.xlsx from src/sheets/template/default.ts (npm run template).
import { writeFileSync } from 'node:fs';
import { defaultTemplate } from '../src/sheets/template/default.js';

const path = new URL('../templates/progress-report.xlsx', import.meta.url);
writeFileSync(path, await defaultTemplate());
console.log(`wrote ${path.pathname}`);
