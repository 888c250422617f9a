// npm run bench: figures for the closing notes, each beside a peer measured in the same run.
import { parseBench } from './parse.js';

const sections = [parseBench];
for (const run of sections) await run();
