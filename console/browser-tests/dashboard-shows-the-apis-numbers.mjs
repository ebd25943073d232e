// An executive opens the dashboard: its figures are the reports API's, displayed. Then they change the engineers'
// hourly cost, and the ROI is worked out again with it.
import { browserTest, expect, settings } from './browser.mjs';

const percent = fraction => fraction === null ? '–' : `${(fraction * 100).toFixed(1)}%`;

/** The reports API as the signed-in executive calls it (the page's session). */
async function report(page, path) {
  const to = new Date();
  const from = new Date(to.getTime() - 30 * 24 * 3600 * 1000);
  const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
  const response = await page.request.get(`${settings.baseUrl}/api/tenants/${settings.tenant}/reports/${path}?${query}`);
  expect(response.ok(), `GET reports/${path}: ${response.status()}`);
  return response.json();
}

await browserTest('dashboard-shows-the-apis-numbers', async ({ page, open, screenshot }) => {
  await open('/dashboard');
  const shown = async kpi => (await page.locator(`[data-kpi="${kpi}"] .value`).textContent()).trim();
  await page.locator('[data-kpi="created"] .value').waitFor();
  await screenshot('dashboard');
  const kpis = await report(page, 'kpis');
  const roi = await report(page, 'roi');

  const expected = {
    'created': String(kpis.volume.created),
    'resolved': String(kpis.volume.resolved),
    'automation-rate': percent(kpis.automation.rate),
    'sla-attainment': percent(kpis.slaAttainment.attainment),
    'escalation-rate': percent(kpis.escalation.rate),
    'ping-pong-rate': percent(kpis.reassignment.pingPongRate),
    'roi-automation-rate': percent(roi.variables.automationRate.value),
    'roi-hours-saved': roi.savings.engineerHoursSavedPerMonth.toLocaleString('en', { maximumFractionDigits: 1 })
  };
  for (const [kpi, value] of Object.entries(expected)) {
    expect(await shown(kpi) === value, `${kpi}: the dashboard shows "${await shown(kpi)}", the API says "${value}"`);
  }
  expect(kpis.volume.created > 0, 'the tenant has tickets in the period');

  await page.getByLabel('Hourly cost').fill('60');
  await page.click('#roi-inputs button[type=submit]');
  await page.locator('[data-kpi="roi-hourly-cost"] .value', { hasText: /^60$/ }).waitFor();
  const changed = await report(page, 'roi');
  expect(changed.variables.hourlyCost.value === 60, 'the API has the new hourly cost');
  await screenshot('roi-changed');
});
