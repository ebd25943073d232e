// TierZero console: one page, a view per hash route, talking to the app's REST API as the signed-in person.
import { portalViews } from './portal.js';
import { opsView } from './ops.js';

const view = document.getElementById('view');
const tenantInput = document.getElementById('tenant');

const linked = new URLSearchParams(location.search);
tenantInput.value = linked.get('tenant') ?? tenantInput.value;

const tenant = () => encodeURIComponent(tenantInput.value.trim());

/** The CSRF token the app sets as the XSRF-TOKEN cookie, for the changes the console asks for. */
const csrfToken = () =>
  decodeURIComponent(document.cookie.split('; ').find(cookie => cookie.startsWith('XSRF-TOKEN='))?.split('=')[1] ?? '');

/** The console's calls carry the session cookie; a change also carries the CSRF token. */
async function call(url, options = {}) {
  const csrf = csrfToken();
  const response = await fetch(url, {
    ...options,
    headers: {
      'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest',
      ...(csrf ? { 'X-XSRF-TOKEN': csrf } : {}), ...options.headers
    }
  });
  if (response.status === 401) {
    location.assign('/login');
  }
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error(body?.detail ?? body?.title ?? `HTTP ${response.status}`);
  }
  return body;
}

const api = (path, options) => call(`/api/tenants/${tenant()}${path}`, options);

function html(strings, ...values) {
  const escape = value => String(value ?? '').replace(/[&<>"']/g,
    character => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]);
  return strings.reduce((out, string, i) => out + string + (i < values.length ? escape(values[i]) : ''), '');
}

const when = instant => instant ? new Date(instant).toLocaleString() : '';
const percent = fraction => fraction === null || fraction === undefined ? '–' : `${(fraction * 100).toFixed(1)}%`;
const number = value => value === null || value === undefined ? '–' : value.toLocaleString('en', { maximumFractionDigits: 1 });

function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return '–';
  }
  if (seconds < 90) {
    return `${Math.round(seconds)} s`;
  }
  return seconds < 5400 ? `${(seconds / 60).toFixed(1)} min` : `${(seconds / 3600).toFixed(1)} h`;
}

/** A horizontal bar chart as SVG: one row per line, one bar per series (none for a null), scaled to the largest value. */
function bars(lines, series, format) {
  if (lines.length === 0) {
    return '<p class="muted">Nothing resolved in the period.</p>';
  }
  const largest = Math.max(...lines.flatMap(line => line.values).filter(value => value !== null), 1e-9);
  const rowHeight = 14 * series.length + 10;
  const rows = lines.map((line, row) => line.values.map((value, i) => {
    const y = row * rowHeight + i * 14;
    const width = value === null ? 0 : Math.round(480 * value / largest);
    return html`<rect class="series-${i}" x="90" y="${y}" width="${width}" height="12"></rect>
      <text x="${96 + width}" y="${y + 10}">${series[i]}: ${format(value)}</text>`;
  }).join('') + html`<text x="0" y="${row * rowHeight + 10}">${line.label}</text>`).join('');
  return `<svg class="chart" width="760" height="${lines.length * rowHeight}">${rows}</svg>`;
}

const views = {
  ops: () => opsView({ view, html, when, call, act }),

  async inbox() {
    const [open, claimed] = await Promise.all([api('/tasks?state=open'), api('/tasks?state=claimed')]);
    const tasks = [...open, ...claimed];
    view.innerHTML = html`<h1>Agent inbox</h1>
      <p class="muted">${tasks.length} task(s) waiting in the tenant's group queues.</p>` + `
      <table id="tasks"><thead><tr><th>Ticket</th><th>Subject</th><th>Task</th><th>Group</th><th>State</th>
        <th>Assignee</th><th>Waiting since</th></tr></thead><tbody>` +
      tasks.map(task => html`<tr data-task-id="${task.taskId}">
        <td><a href="#/ticket/${task.ticketId}">${task.referenceNumber}</a></td>
        <td><a href="#/task/${task.taskId}">${task.subject}</a></td><td>${task.name}</td>
        <td>${task.candidateGroup}</td><td>${task.state}</td><td>${task.assignee}</td><td>${when(task.createdAt)}</td>
      </tr>`).join('') + '</tbody></table>';
  },

  async task(taskId) {
    const [task, schema, input] = await Promise.all([
      api(`/tasks/${taskId}`), api(`/tasks/${taskId}/form`), api(`/tasks/${taskId}/form-input`)]);
    view.innerHTML = html`<h1>${task.name}: ${task.referenceNumber}</h1>
      <p class="muted">Queue ${task.candidateGroup} · ${task.state}${task.assignee ? ' by ' + task.assignee : ''} ·
        <a href="#/ticket/${task.ticketId}">ticket history and diagram</a></p>
      <div class="card"><div id="form"></div></div>
      <p><button id="claim" class="secondary">Claim</button> <button id="complete">Complete task</button></p>
      <p id="message" role="status"></p>`;
    const form = new FormViewer.Form({ container: document.getElementById('form') });
    await form.importSchema(schema, input);
    const message = document.getElementById('message');
    const claim = document.getElementById('claim');
    claim.hidden = task.state !== 'open';
    claim.onclick = () => act(async () => {
      await api(`/tasks/${taskId}/claim`, { method: 'POST' });
      return views.task(taskId);
    });
    document.getElementById('complete').onclick = () => act(async () => {
      const { data, errors } = form.submit();
      if (Object.keys(errors).length > 0) {
        message.textContent = 'Some fields need attention.';
        return;
      }
      if (task.state === 'open') {
        await api(`/tasks/${taskId}/claim`, { method: 'POST' });
      }
      const done = await api(`/tasks/${taskId}/complete`, {
        method: 'POST', body: JSON.stringify({ formData: data })
      });
      message.textContent = `Task completed (${done.state}).`;
      document.getElementById('complete').disabled = true;
    });
  },

  async ticket(ticketId) {
    const [{ ticket, history }, diagram] = await Promise.all([
      api(`/tickets/${ticketId}`), api(`/tickets/${ticketId}/diagram`)]);
    view.innerHTML = html`<h1>${ticket.referenceNumber}: ${ticket.subject}</h1>
      <p class="muted">${ticket.kind} · state <strong id="ticket-state">${ticket.state}</strong> · priority ${ticket.priority}
        · group ${ticket.assignmentGroup} · requester ${ticket.requesterId}</p>
      <h2>Where it stands in ${diagram.processId}</h2><div id="diagram" class="diagram"></div>
      <h2>Audit timeline</h2>` + `<table id="timeline"><thead><tr><th>#</th><th>When</th><th>Action</th><th>State</th>
        <th>Actor</th><th>Reason</th></tr></thead><tbody>` +
      history.map(event => html`<tr><td>${event.sequenceNumber}</td><td>${when(event.occurredAt)}</td>
        <td>${event.action}</td><td>${event.fromState ? event.fromState + ' → ' : ''}${event.toState ?? ''}</td>
        <td>${event.actorKind}: ${event.actorId}</td><td>${event.reason}</td></tr>`).join('') + '</tbody></table>';
    const viewer = new BpmnJS({ container: document.getElementById('diagram') });
    await viewer.importXML(diagram.bpmnXml);
    const canvas = viewer.get('canvas');
    const elements = viewer.get('elementRegistry');
    canvas.zoom('fit-viewport');
    diagram.visitedElementIds.filter(id => elements.get(id)).forEach(id => canvas.addMarker(id, 'visited'));
    if (diagram.currentElementId && elements.get(diagram.currentElementId)) {
      canvas.addMarker(diagram.currentElementId, 'current');
    }
  },

  async dashboard() {
    const to = new Date();
    const from = new Date(to.getTime() - 30 * 24 * 3600 * 1000);
    const period = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
    const [kpis, roi, inputs] = await Promise.all([
      api(`/reports/kpis?${period}`), api(`/reports/roi?${period}`), api('/reports/roi-inputs')]);
    const tile = (id, label, value, detail = '') => html`<div class="tile" data-kpi="${id}"><span class="label">${label}</span>
      <span class="value">${value}</span><span class="muted">${detail}</span></div>`;
    const figure = (id, label, variable, unit) => tile(id, label, number(variable.value) + unit, variable.source);
    view.innerHTML = html`<h1>Executive dashboard</h1>
      <p class="muted">Last 30 days: ${when(kpis.from)} to ${when(kpis.to)}.</p>` +
      '<div class="tiles">' +
      tile('created', 'Tickets created', kpis.volume.created) +
      tile('resolved', 'Tickets resolved', kpis.volume.resolved) +
      tile('automation-rate', 'Resolved with no engineer', percent(kpis.automation.rate),
        `${kpis.automation.automated} of ${kpis.automation.resolved}`) +
      tile('first-response', 'First response (median)', duration(kpis.firstResponse.times.all.medianSeconds)) +
      tile('mttr', 'Time to resolve (median)', duration(kpis.resolutionTimes.overall.all.medianSeconds)) +
      tile('sla-attainment', 'Resolved within SLA', percent(kpis.slaAttainment.attainment),
        `${kpis.slaAttainment.met} of ${kpis.slaAttainment.resolvedWithTarget}`) +
      tile('escalation-rate', 'Handed to people', percent(kpis.escalation.rate)) +
      tile('ping-pong-rate', 'Reassignment ping-pong', percent(kpis.reassignment.pingPongRate)) +
      tile('model-accuracy', 'Triage accuracy (confirmed)', percent(kpis.modelAccuracy.accuracy),
        `${kpis.modelAccuracy.outcomes} outcomes`) +
      '</div><h2>Time to resolve by priority: automated and by people (median)</h2>' +
      bars(kpis.resolutionTimes.byPriority.map(line => ({
        label: line.priority,
        values: [line.automated.medianSeconds, line.human.medianSeconds]
      })), ['automated', 'people'], duration) +
      '<h2>Resolved within SLA by priority</h2>' +
      bars(kpis.slaAttainment.byPriority.map(line => ({ label: line.priority, values: [line.attainment] })),
        ['attainment'], percent) +
      html`<h2>Return on investment (per month, ${roi.currency})</h2>` + '<div class="tiles">' +
      figure('roi-volume', 'Tickets per month', roi.variables.monthlyVolume, '') +
      tile('roi-automation-rate', 'Automation rate', percent(roi.variables.automationRate.value),
        roi.variables.automationRate.source) +
      figure('roi-handling', 'Engineer minutes per ticket', roi.variables.handlingMinutes, ' min') +
      figure('roi-hourly-cost', 'Engineer hourly cost', roi.variables.hourlyCost, '') +
      tile('roi-hours-saved', 'Engineer hours saved', number(roi.savings.engineerHoursSavedPerMonth)) +
      tile('roi-cost-saved', 'Cost saved', number(roi.savings.costSavedPerMonth),
        `${number(roi.savings.monthlyCostWithTierZero)} instead of ${number(roi.savings.monthlyCostWithoutTierZero)}`) +
      '</div>' + html`<form id="roi-inputs" class="search">
        <label>Hourly cost <input name="hourlyCost" type="number" step="0.01" min="0" value="${inputs.hourlyCost}"></label>
        <label>Minutes per ticket without automation <input name="handlingMinutes" type="number" step="0.5" min="0"
          value="${inputs.handlingMinutes}"></label>
        <label>Cost per automated ticket <input name="costPerAutomatedTicket" type="number" step="0.01" min="0"
          value="${inputs.costPerAutomatedTicket}"></label>
        <label>Currency <input name="currency" size="4" value="${inputs.currency}"></label>
        <label>Why <input name="reason" value="Cost inputs reviewed"></label>
        <button type="submit">Save cost inputs</button></form><p id="message" role="status"></p>`;
    const form = document.getElementById('roi-inputs');
    form.onsubmit = submitted => {
      submitted.preventDefault();
      act(async () => {
        const change = Object.fromEntries(new FormData(form));
        await api('/reports/roi-inputs', { method: 'PUT', body: JSON.stringify(change) });
        await views.dashboard();
      });
    };
  },

  async compliance() {
    view.innerHTML = `<h1>Compliance</h1>
      <div class="card"><h2>Audit trail integrity</h2>
        <p id="chain" class="muted">Recomputing the hash chain…</p>
        <button id="verify" class="secondary">Verify again</button></div>
      <div class="card"><h2>Evidence pack</h2>
        <form id="evidence" class="search">
          <label>From <input name="from" type="date" required></label>
          <label>To (excluded) <input name="to" type="date" required></label>
          <button type="submit" name="format" value="html">Export (HTML)</button>
          <button type="submit" name="format" value="pdf" class="secondary">Export (PDF)</button>
        </form>
        <p class="muted">Chain verification, SLA report, automated actions with their signatures checked, an audit
          sample and the ISO/IEC 20000 control mapping, for the period.</p></div>
      <div class="card"><h2>Search the audit trail</h2>
        <form id="audit-search" class="search">
          <label>Ticket <input name="ticket" placeholder="DEMO-000042"></label>
          <label>Actor <input name="actor" placeholder="agent.ana"></label>
          <label>Action <input name="action" placeholder="task.* or ticket.resolved"></label>
          <label>Words <input name="text"></label>
          <label>From <input name="from" type="datetime-local"></label>
          <label>To <input name="to" type="datetime-local"></label>
          <button type="submit">Search</button>
        </form>
        <div id="audit-results"></div></div>`;
    const showChain = async () => {
      const chain = document.getElementById('chain');
      const result = await api('/audit/verification');
      chain.className = result.intact ? 'status-intact' : 'status-broken';
      chain.textContent = result.intact
        ? `Chain verified: ${result.eventsChecked} events, intact.`
        : `Chain BROKEN at event ${result.firstBrokenSequence}: ${result.problem}`;
    };
    const form = document.getElementById('audit-search');
    form.onsubmit = submitted => {
      submitted.preventDefault();
      act(async () => {
        const criteria = new URLSearchParams();
        for (const [name, value] of new FormData(form)) {
          if (value) {
            criteria.set(name, name === 'from' || name === 'to' ? new Date(value).toISOString() : value);
          }
        }
        const found = await api(`/audit/events?${criteria}`);
        document.getElementById('audit-results').innerHTML = html`<p class="muted">${found.total} event(s); the index holds
          the trail up to event ${found.indexedUpTo} of ${found.chainHead}.</p>` +
          '<table id="audit-events"><thead><tr><th>#</th><th>When</th><th>Ticket</th><th>Action</th><th>Actor</th>' +
          '<th>Reason</th><th>BPMN step</th></tr></thead><tbody>' +
          found.events.map(event => html`<tr><td>${event.sequence_number}</td><td>${when(event.occurred_at)}</td>
            <td>${event.ticket_id ? '' : '(tenant)'}<a href="#/ticket/${event.ticket_id ?? ''}">${event.reference_number ?? ''}</a></td>
            <td>${event.action}</td><td>${event.actor_kind}: ${event.actor_id}</td><td>${event.reason}</td>
            <td>${event.bpmn_element_id}</td></tr>`).join('') + '</tbody></table>';
      });
    };
    const evidence = document.getElementById('evidence');
    const today = new Date();
    evidence.to.valueAsDate = today;
    evidence.from.valueAsDate = new Date(today.getTime() - 30 * 24 * 3600 * 1000);
    evidence.onsubmit = submitted => {
      submitted.preventDefault();
      const period = new URLSearchParams({
        from: `${evidence.from.value}T00:00:00Z`, to: `${evidence.to.value}T00:00:00Z`, format: submitted.submitter.value
      });
      location.href = `/api/tenants/${tenant()}/evidence-pack?${period}`;
    };
    document.getElementById('verify').onclick = () => act(showChain);
    await showChain();
  }
};

Object.assign(views, portalViews({ api, html, when, view, act }));

async function act(work) {
  try {
    await work();
  } catch (failure) {
    const message = document.getElementById('message') ?? view;
    message.insertAdjacentHTML('beforeend', html`<p class="error">${failure.message}</p>`);
  }
}

/** The signed-in person: their name, and the views of their roles. */
const me = await call('/api/me');
document.getElementById('signed-in').textContent = `${me.name} (${me.roles.join(', ')})`;
document.querySelector('#sign-out input[name=_csrf]').value = csrfToken();
const allowed = [...document.querySelectorAll('nav a')].filter(link =>
  link.dataset.roles.split(' ').some(role => me.roles.includes(role)));
document.querySelectorAll('nav a').forEach(link => { link.hidden = !allowed.includes(link); });
if (!me.tenants.includes('*') && me.tenants.length > 0 && !me.tenants.includes(tenantInput.value)) {
  tenantInput.value = me.tenants[0];
}
const startView = allowed[0]?.dataset.view;

async function route() {
  const [, name = startView, argument] = location.hash.split('/');
  document.querySelectorAll('nav a').forEach(link => link.classList.toggle('active', link.dataset.view === name));
  view.innerHTML = '<p class="muted">Loading…</p>';
  try {
    if (!views[name]) {
      throw new Error(`${me.name} has no view here: ask for one of the roles requester, agent, analyst, ops, compliance or executive.`);
    }
    await views[name](argument && decodeURIComponent(argument));
  } catch (failure) {
    view.innerHTML = html`<p class="error">${failure.message}</p>`;
  }
}

window.addEventListener('hashchange', route);
tenantInput.addEventListener('change', route);
route();
