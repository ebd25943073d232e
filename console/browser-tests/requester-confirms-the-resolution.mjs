// A requester opens her resolved request, reads the service desk's answer (marked as a person's, not automated)
// and answers "did this resolve your issue?" with Yes. TIERZERO_TICKET: the resolved ticket's id;
// TIERZERO_NOTES: the agent's resolution notes.
import { browserTest, expect } from './browser.mjs';

const ticketId = process.env.TIERZERO_TICKET;
const notes = process.env.TIERZERO_NOTES;

await browserTest('requester-confirms-the-resolution', async ({ page, open, screenshot }) => {
  await open(`/request/${ticketId}`);
  const answer = page.locator('.update', { hasText: notes });
  await answer.waitFor();
  expect((await answer.locator('.badge').textContent()) === 'Answer from the service desk team',
    'the agent\'s answer is not marked automated');
  expect(await page.locator('.badge.automated').count() >= 1, 'the acknowledgement is marked automated');
  await screenshot('resolved');
  await page.click('#answer-yes');
  await page.locator('#confirmation', { hasText: 'Thank you' }).waitFor();
  await screenshot('answered');
});
