// A compliance user sees the tenant's audit chain verified, then finds the agent's task.completed event in the
// ticket's audit timeline, next to its lifecycle diagram with the current step highlighted.
// TIERZERO_TICKET_ID: a ticket whose task an agent completed.
import { browserTest, expect } from './browser.mjs';

const ticketId = process.env.TIERZERO_TICKET_ID;

await browserTest('compliance-sees-chain-verified', async ({ page, open, screenshot }) => {
  await open('/compliance');
  const chain = page.locator('#chain.status-intact');
  await chain.waitFor();
  expect((await chain.textContent()).startsWith('Chain verified'), 'the chain is reported verified');
  await screenshot('chain-verified');

  await open(`/ticket/${ticketId}`);
  await page.locator('#diagram .djs-element.current').waitFor();
  const completed = page.locator('#timeline tr', { hasText: 'task.completed' });
  await completed.waitFor();
  expect(await page.locator('#diagram .djs-element.visited').count() > 0, 'the steps gone through are marked');
  await screenshot('ticket-timeline');
});
