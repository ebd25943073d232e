// An agent finds the ticket in the inbox, opens its task, fills in the Camunda form rendered by form-js and
// completes it. TIERZERO_REFERENCE: the ticket waiting in a queue.
import { browserTest, expect } from './browser.mjs';

const reference = process.env.TIERZERO_REFERENCE;

await browserTest('agent-completes-task', async ({ page, open, screenshot }) => {
  await open('/inbox');
  const row = page.locator('#tasks tr', { hasText: reference });
  await row.waitFor();
  await screenshot('inbox');
  await row.locator('a').nth(1).click();

  await page.locator('.fjs-form').waitFor();
  expect(await page.locator('.fjs-form').textContent().then(text => text.includes(reference)),
    'the form shows the ticket reference');
  await page.getByLabel('Resolved', { exact: true }).check();
  await page.getByLabel('Resolution notes').fill('Mapped the S: drive again with the logon script.');
  await screenshot('form-filled');
  await page.click('#complete');
  await page.locator('#message', { hasText: 'Task completed' }).waitFor();
  await screenshot('completed');
});
