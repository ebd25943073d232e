// A requester submits a request in the self-service portal and finds it in "My requests".
// TIERZERO_SUBJECT: the subject to submit.
import { browserTest, expect } from './browser.mjs';

const subject = process.env.TIERZERO_SUBJECT;

await browserTest('requester-submits-a-request', async ({ page, open, screenshot }) => {
  await open('/portal');
  await page.getByLabel('What do you need?').fill(subject);
  await page.getByLabel('Details').fill('The projector in room 2.14 shows no picture from my laptop.');
  await page.getByLabel('How urgent').selectOption('high');
  await screenshot('form-filled');
  await page.click('#new-request button[type=submit]');
  await page.locator('#request-state').waitFor();
  expect((await page.locator('h1').textContent()).includes(subject), 'the request page shows the subject');
  await screenshot('submitted');

  await open('/portal');
  const row = page.locator('#my-requests tr', { hasText: subject });
  await row.waitFor();
  expect(await row.count() === 1, 'the request is listed once');
  await screenshot('my-requests');
});
