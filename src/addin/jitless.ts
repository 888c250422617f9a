// The pane and the page forbid eval in their Content-Security-Policy. zod compiles object schemas with `new Function`
// where eval is allowed, and probes for it once; under the policy the probe is refused and reported as a violation
// (Firefox logs it as an error). Imported first by each entry, so that zod never tries.
import * as z from 'zod';

z.config({ jitless: true });
