/**
 * One step of a viewing request taken on its card in the approvals queue (R24.1, R24.2), as a
 * user does it: the decision button, the opinion (审核意见 / 批准意见) or the register form
 * (the viewer picked by name), then the screen's confirmation. The same screens in EFR's lean
 * shell and inside the Content App (issue 17).
 */
import type { Page } from 'playwright-core';
import { settle } from './e2e-app.js';

/** What a card's step asks for: review and approve take an opinion, register a viewer. */
export type ApprovalStep =
  | { decision: 'review' | 'approve'; opinion: string }
  | { decision: 'register'; viewerName: string };

/** The card of request `number` on the queue the page shows, once loaded. */
export async function requestCard(page: Page, number: string) {
  const card = page.locator(`[data-testid="request-card"][data-number="${number}"]`);
  await card.waitFor();
  await settle(page);
  return card;
}

/**
 * Takes `step` on the card of request `number` and waits for the screen's success message;
 * `screen(part)` is called where a screenshot shows the step's form.
 */
export async function takeApprovalStep(page: Page, number: string, step: ApprovalStep,
  screen: (part: 'opinion' | 'register-form') => Promise<unknown> = async () => undefined,
): Promise<void> {
  const card = await requestCard(page, number);
  await card.locator(`[data-decision="${step.decision}"]`).click();
  if (step.decision === 'register') {
    const viewer = await card.locator('[data-testid="register-viewer"]').elementHandle();
    await page.waitForFunction((args) => (args.el as HTMLInputElement).value === args.name,
      { el: viewer, name: step.viewerName });
    await screen('register-form');
    await card.locator('[data-testid="confirm-register"]').click();
  } else {
    await card.locator('[data-testid="opinion"]').fill(step.opinion);
    await screen('opinion');
    await card.locator('[data-testid="confirm-opinion"]').click();
  }
  const message = page.locator('[data-testid="approvals-message"]');
  await message.waitFor();
  expect(await message.getAttribute('class')).toContain('efr-ok');
}
