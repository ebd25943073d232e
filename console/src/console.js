// TierZero console: one page, a view per hash route, talking to the app's REST API.
const view = document.getElementById('view');
const tenantInput = document.getElementById('tenant');
const userInput = document.getElementById('user');

const linked = new URLSearchParams(location.search);
tenantInput.value = linked.get('tenant') ?? tenantInput.value;
userInput.value = linked.get('user') ?? userInput.value;

const tenant = () => encodeURIComponent(tenantInput.value.trim());
const user = () => userInput.value.trim();

async function api(path, options = {}) {
  const response = await fetch(`/api/tenants/${tenant()}${path}`, {
    ...options,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...options.headers }
  });
  const body = response.status === 204 ? null : await response.json();
  if (!response.ok) {
    throw new Error(body?.detail ?? body?.title ?? `HTTP ${response.status}`);
  }
  return body;
}

function html(strings, ...values) {
  const escape = value => String(value ?? '').replace(/[&<>"']/g,
    character => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]);
  return strings.reduce((out, string, i) => out + string + (i < values.length ? escape(values[i]) : ''), '');
}

const when = instant => instant ? new Date(instant).toLocaleString() : '';

const views = {
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
      await api(`/tasks/${taskId}/claim`, { method: 'POST', body: JSON.stringify({ userId: user() }) });
      return views.task(taskId);
    });
    document.getElementById('complete').onclick = () => act(async () => {
      const { data, errors } = form.submit();
      if (Object.keys(errors).length > 0) {
        message.textContent = 'Some fields need attention.';
        return;
      }
      if (task.state === 'open') {
        await api(`/tasks/${taskId}/claim`, { method: 'POST', body: JSON.stringify({ userId: user() }) });
      }
      const done = await api(`/tasks/${taskId}/complete`, {
        method: 'POST', body: JSON.stringify({ userId: user(), formData: data })
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

  async compliance() {
    view.innerHTML = `<h1>Compliance</h1>
      <div class="card"><h2>Audit trail integrity</h2>
        <p id="chain" class="muted">Recomputing the hash chain…</p>
        <button id="verify" class="secondary">Verify again</button></div>
      <div class="card"><h2>Evidence pack</h2>
        <form id="evidence" class="search">
          <label>From <input name="from" type="date" required></label>
          <label>To (excluded) <input name="to" type="date" required></label>
          <button type="submit">Export (HTML)</button>
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
        from: `${evidence.from.value}T00:00:00Z`, to: `${evidence.to.value}T00:00:00Z`
      });
      location.href = `/api/tenants/${tenant()}/evidence-pack?${period}`;
    };
    document.getElementById('verify').onclick = () => act(showChain);
    await showChain();
  }
};

async function act(work) {
  try {
    await work();
  } catch (failure) {
    const message = document.getElementById('message') ?? view;
    message.insertAdjacentHTML('beforeend', html`<p class="error">${failure.message}</p>`);
  }
}

async function route() {
  const [, name = 'inbox', argument] = location.hash.split('/');
  document.querySelectorAll('nav a').forEach(link => link.classList.toggle('active', link.dataset.view === name));
  view.innerHTML = '<p class="muted">Loading…</p>';
  try {
    await (views[name] ?? views.inbox)(argument && decodeURIComponent(argument));
  } catch (failure) {
    view.innerHTML = html`<p class="error">${failure.message}</p>`;
  }
}

window.addEventListener('hashchange', route);
tenantInput.addEventListener('change', route);
route();
