// The self-service portal: a requester's own requests, the service desk's answers (automated ones say so), and
// "did this resolve your issue?".
export function portalViews({ api, html, when, view, act }) {
  const stateNames = {
    new: 'Received', assigned: 'With the service desk', in_progress: 'Being worked on',
    pending_customer: 'Waiting for you', resolved: 'Resolved', closed: 'Closed'
  };
  const stateName = state => stateNames[state] ?? state;

  return {
    async portal() {
      const requests = await api('/my/requests');
      view.innerHTML = html`<h1>My requests</h1>` + `
        <form id="new-request" class="card search">
          <label>What do you need? <input name="subject" size="50" required maxlength="255"></label>
          <label>Details <textarea name="body" rows="3" cols="60" required></textarea></label>
          <label>How urgent <select name="urgency"><option value="low">Low</option>
            <option value="medium" selected>Medium</option><option value="high">High</option></select></label>
          <button type="submit">Submit request</button>
        </form><p id="message" role="status"></p>
        <table id="my-requests"><thead><tr><th>Reference</th><th>Subject</th><th>Status</th><th>Opened</th>
          <th>Last change</th></tr></thead><tbody>` +
        requests.map(request => html`<tr data-ticket-id="${request.ticketId}">
          <td><a href="#/request/${request.ticketId}">${request.referenceNumber}</a></td><td>${request.subject}</td>
          <td>${stateName(request.state)}${request.awaitingYourAnswer ? ' · waiting for your answer' : ''}</td>
          <td>${when(request.createdAt)}</td><td>${when(request.updatedAt)}</td></tr>`).join('') + '</tbody></table>';
      const form = document.getElementById('new-request');
      // one key per form shown: a second click, or a retry after a lost answer, gives the same ticket
      const submission = `portal-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
      form.onsubmit = submitted => {
        submitted.preventDefault();
        act(async () => {
          const request = Object.fromEntries(new FormData(form));
          const created = await api('/my/requests', {
            method: 'POST', body: JSON.stringify(request), headers: { 'Idempotency-Key': submission }
          });
          location.hash = `#/request/${created.ticketId}`;
        });
      };
    },

    async request(ticketId) {
      const request = await api(`/my/requests/${ticketId}`);
      view.innerHTML = html`<h1>${request.referenceNumber}: ${request.subject}</h1>
        <p>Status: <strong id="request-state">${stateName(request.state)}</strong>
          ${request.state === 'resolved' || request.state === 'closed'
            ? (request.resolvedByAutomation ? '· resolved by TierZero automation' : '· resolved by the service desk team') : ''}</p>
        <div class="card"><p class="muted">You wrote, ${when(request.createdAt)}:</p><p class="text">${request.body}</p></div>` +
        (request.awaitingYourAnswer ? `<div class="card" id="confirmation"><p><strong>Did this resolve your issue?</strong></p>
          <button id="answer-yes">Yes, it is resolved</button> <button id="answer-no" class="secondary">No, it is not</button>
          </div>` : '') +
        '<h2>Answers and updates</h2><div id="updates">' +
        request.updates.map(update => html`<div class="card update">
          <p><span class="badge ${update.automated ? 'automated' : 'person'}">${update.automated
            ? 'Automated answer' : 'Answer from the service desk team'}</span>
            <span class="muted">${when(update.at)}</span></p>
          <p><strong>${update.subject}</strong></p><p class="text">${update.text}</p></div>`).join('') +
        '</div><p id="message" role="status"></p>';
      const answer = resolved => act(async () => {
        await api(`/my/requests/${ticketId}/confirmation`, { method: 'POST', body: JSON.stringify({ resolved }) });
        document.getElementById('confirmation').innerHTML =
          `<p>Thank you: ${resolved ? 'we close the request.' : 'we are on it again.'}</p>`;
      });
      if (request.awaitingYourAnswer) {
        document.getElementById('answer-yes').onclick = () => answer(true);
        document.getElementById('answer-no').onclick = () => answer(false);
      }
    }
  };
}
