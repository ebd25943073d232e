// The operations view: what the process engine runs, its open incidents (each with a Retry) and the jobs failing
// with retries left, across all tenants. The console passes in its page helpers.
export async function opsView(page) {
  const { view, html, when, call, act } = page;
  const ops = (path, options) => call(`/api/ops${path}`, options);
  const [processes, incidents, failingJobs] = await Promise.all([
    ops('/processes'), ops('/incidents'), ops('/failed-jobs')]);
  const ticket = t => t
    ? html`<a href="?tenant=${encodeURIComponent(t.tenantId ?? '')}#/ticket/${t.ticketId}">${t.referenceNumber ?? t.ticketId}</a>`
    : '';
  view.innerHTML = html`<h1>Operations</h1>
    <p class="muted">The process engine across all tenants: ${incidents.length} open incident(s),
      ${failingJobs.length} job(s) failing with retries left.</p><p id="message" role="status"></p>` +
    '<h2>Incidents</h2>' + (incidents.length === 0 ? '<p class="muted">No open incident.</p>' :
    '<table id="incidents"><thead><tr><th>Since</th><th>Ticket</th><th>Process</th><th>Step</th><th>Job type</th>' +
      '<th>Error</th><th></th></tr></thead><tbody>' +
    incidents.map(incident => html`<tr data-incident-key="${incident.incidentKey}">
      <td>${when(incident.createdAt)}</td><td>` + ticket(incident.ticket) + html`</td>
      <td>${incident.bpmnProcessId}<br><span class="muted">instance ${incident.processInstanceKey}</span></td>
      <td>${incident.elementId}</td><td>${incident.jobType}</td>
      <td>${incident.errorType}: ${incident.errorMessage}</td>
      <td><button class="retry" data-incident-key="${incident.incidentKey}">Retry</button></td></tr>`).join('') +
    '</tbody></table>') +
    '<h2>Jobs failing with retries left</h2>' + (failingJobs.length === 0 ? '<p class="muted">No failing job.</p>' :
    '<table id="failed-jobs"><thead><tr><th>Last failure</th><th>Ticket</th><th>Process</th><th>Step</th>' +
      '<th>Job type</th><th>Retries left</th><th>Error</th></tr></thead><tbody>' +
    failingJobs.map(job => html`<tr data-job-key="${job.jobKey}"><td>${when(job.failedAt)}</td><td>` + ticket(job.ticket) +
      html`</td><td>${job.bpmnProcessId}</td><td>${job.elementId}</td><td>${job.jobType}</td><td>${job.retriesLeft}</td>
      <td>${job.errorMessage}</td></tr>`).join('') + '</tbody></table>') +
    '<h2>Running instances</h2><table id="processes"><thead><tr><th>Process</th><th>Step</th>' +
      '<th>Active instances</th></tr></thead><tbody>' +
    processes.map(process => html`<tr class="process" data-process="${process.bpmnProcessId}">
        <td><strong>${process.bpmnProcessId}</strong></td><td></td><td>${process.activeInstances}</td></tr>` +
      process.elements.map(element => html`<tr data-process="${process.bpmnProcessId}" data-element="${element.elementId}">
        <td></td><td>${element.elementName ?? element.elementId} <span class="muted">${element.elementId}</span></td>
        <td>${element.activeInstances}</td></tr>`).join('')).join('') + '</tbody></table>';
  view.querySelectorAll('button.retry').forEach(button => {
    button.onclick = () => act(async () => {
      button.disabled = true;
      const retried = await ops(`/incidents/${button.dataset.incidentKey}/retry`, { method: 'POST' })
        .finally(() => { button.disabled = false; });
      await opsView(page);
      document.getElementById('message').textContent =
        `Incident ${retried.incidentKey} retried by ${retried.retriedBy}: the step runs again.`;
    });
  });
}
