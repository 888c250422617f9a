// npm run bench: figures for the closing notes, each beside a peer measured in the same run.
import { consolidateBench } from './consolidate.js';
import { parseBench } from './parse.js';
import { sheetsBench } from './sheets.js';

parseBench();
await sheetsBench();
await consolidateBench();
