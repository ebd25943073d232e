// Operations staff open the ops view, find the incident the engine raised on a ticket's step, press Retry as the
// signed-in user and see the incident gone (the Java test then checks that the instance went on).
import { browserTest, expect, settings } from './browser.mjs';

const incidentKey = process.env.TIERZERO_INCIDENT_KEY;
const reference = process.env.TIERZERO_REFERENCE;
const processId = process.env.TIERZERO_PROCESS_ID;

/** The open incidents as the signed-in person's session gets them from the API. */
async function openIncidents(page) {
  const response = await page.request.get(`${settings.baseUrl}/api/ops/incidents`);
  expect(response.ok(), `GET /api/ops/incidents: ${response.status()}`);
  return response.json();
}

await browserTest('ops-retries-an-incident', async ({ page, open, screenshot }) => {
  await open('/ops');
  const row = page.locator(`#incidents tr[data-incident-key="${incidentKey}"]`);
  await row.waitFor();
  const shown = await row.textContent();
  expect(shown.includes(reference), `the incident's row names the ticket ${reference}: ${shown}`);
  expect(shown.includes('JOB_NO_RETRIES'), `the incident's row says why: ${shown}`);
  const waiting = page.locator(`#processes tr[data-process="${processId}"][data-element="check-backup"]`);
  expect((await waiting.locator('td').last().textContent()).trim() === '1', 'one instance waits at the failing step');
  await screenshot('incident');

  await row.getByRole('button', { name: 'Retry' }).click();
  await page.locator('#message', { hasText: `Incident ${incidentKey} retried by ${settings.user}` }).waitFor();
  await row.waitFor({ state: 'detached' });
  expect(!(await openIncidents(page)).some(incident => String(incident.incidentKey) === incidentKey),
    'the API lists the incident no more');
  await screenshot('retried');
});
