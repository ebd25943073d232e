// A compliance user sees the tenant's audit chain verified, searches the audit trail for what an agent did,
// finds the task.completed event and opens the ticket: its timeline, next to its lifecycle diagram with the steps
// gone through and the current one highlighted.
// TIERZERO_REFERENCE: a ticket whose task the agent TIERZERO_ACTOR completed.
import { browserTest, expect } from './browser.mjs';

const reference = process.env.TIERZERO_REFERENCE;
const actor = process.env.TIERZERO_ACTOR;

await browserTest('compliance-finds-the-event-in-a-verified-trail', async ({ page, open, screenshot }) => {
  await open('/compliance');
  const chain = page.locator('#chain.status-intact');
  await chain.waitFor();
  expect((await chain.textContent()).startsWith('Chain verified'), 'the chain is reported verified');

  await page.getByLabel('Actor').fill(actor);
  await page.getByLabel('Action').fill('task.completed');
  // the trail is copied into the search index within seconds: search again until the event is there
  const found = page.locator('#audit-events tr', { hasText: reference });
  for (let attempt = 0; attempt < 20 && await found.count() === 0; attempt++) {
    await page.click('#audit-search button[type=submit]');
    await page.locator('#audit-results p').waitFor();
    await page.waitForTimeout(500);
  }
  expect(await found.count() === 1, `one task.completed event by ${actor} on ${reference}`);
  await screenshot('search');

  await found.getByRole('link', { name: reference }).click();
  await page.locator('#diagram .djs-element.current').waitFor();
  await page.locator('#timeline tr', { hasText: 'task.completed' }).waitFor();
  expect(await page.locator('#diagram .djs-element.visited').count() > 0, 'the steps gone through are marked');
  await screenshot('ticket-timeline');
});
