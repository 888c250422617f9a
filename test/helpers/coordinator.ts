import type { Page } from 'playwright-core';

/** The coordinator's tab as a clerk fills it: the plan picked (and waited for), the period typed, departments ticked. */
export async function choosePlan(page: Page, planFile: string, period: string, departments: readonly string[] = []): Promise<void> {
  await page.setInputFiles('#plan-file', planFile);
  await page.waitForFunction(() => /已载入|Loaded/.test(document.querySelector('.plan-line')?.textContent ?? ''));
  await page.fill('#period', period);
  await page.dispatchEvent('#period', 'input');
  for (const d of departments) await page.check(`#departments input[data-department="${d}"]`);
}
