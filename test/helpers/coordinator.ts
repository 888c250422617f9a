import type { PageActions } from './browsers.js';

/** The coordinator's tab as a clerk fills it: the plan picked (and waited for), the period typed, departments ticked. */
export async function choosePlan(page: Pick<PageActions, 'pick' | 'waitForText' | 'type' | 'click'>, planFile: string, period: string, departments: readonly string[] = []): Promise<void> {
  await page.pick('#plan-file', [planFile]);
  await page.waitForText('.plan-line', /已载入|Loaded/);
  await page.type('#period', period);
  for (const d of departments) await page.click(`#departments input[data-department="${d}"]`);
}
