// coverage.js for the docs page: GET /__admin/coverage of the mock serving the page, as one table per operation row.

/** The section of index.html the script fills (shown with the control API). */
export const COVERAGE_SECTION = `
    <h2 id="coverage" class="authmock-section">Coverage of this mock since its last reset (GET /__admin/coverage)</h2>
    <div class="authmock-coverage"><button type="button" id="authmock-coverage-refresh">Refresh</button>
      <p id="authmock-coverage-status">Loading…</p><table id="authmock-coverage"></table></div>`;

export const COVERAGE_STYLE = `
      .authmock-coverage { max-width: 1420px; margin: 0 auto; padding: 0 20px 20px; font-family: sans-serif; color: #3b4151; box-sizing: border-box; overflow-x: auto; }
      .authmock-coverage table { border-collapse: collapse; width: 100%; font-size: 13px; }
      .authmock-coverage th, .authmock-coverage td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
      .authmock-coverage .seen { color: #1b7f3b; } .authmock-coverage .never { color: #b00020; }`;

/**
 * The script: fetches ../__admin/coverage (relative, so it works under a sandbox's /docs too) and writes the rows
 * with text nodes only. Opened from a folder, or with --admin-token, it says why there is nothing to show.
 */
export function renderCoverageScript(): string {
  return `// Coverage of the running mock per operation: documented responses and auth outcomes, with counts.
(function () {
  function cell(row, items) {
    var td = row.insertCell();
    items.forEach(function (item, i) {
      var span = document.createElement('span');
      span.className = item.count > 0 ? 'seen' : 'never';
      span.textContent = item.name + ' ' + (item.count > 0 ? '×' + item.count : '0');
      if (i > 0) td.appendChild(document.createTextNode(', '));
      td.appendChild(span);
    });
  }
  function show(report) {
    var table = document.getElementById('authmock-coverage');
    table.textContent = '';
    var head = table.createTHead().insertRow();
    ['operation', 'requests', 'responses', 'auth outcomes', 'never seen'].forEach(function (name) {
      var th = document.createElement('th');
      th.textContent = name;
      head.appendChild(th);
    });
    var body = table.createTBody();
    report.operations.forEach(function (op) {
      var row = body.insertRow();
      row.insertCell().textContent = op.operation_id + ' (' + op.method + ' ' + op.path + ')';
      row.insertCell().textContent = String(op.requests);
      cell(row, op.responses);
      cell(row, op.auth_outcomes);
      row.insertCell().textContent = op.never_seen.responses.concat(op.never_seen.auth_outcomes).join(', ') || '—';
    });
    document.getElementById('authmock-coverage-status').textContent =
      report.operations.length + ' operations; ' + report.gaps + ' with documented responses or auth outcomes never seen.';
  }
  function load() {
    var status = document.getElementById('authmock-coverage-status');
    if (!status) return;
    if (location.protocol === 'file:') { status.textContent = 'Open this page from a running authmock (/docs/) to see its coverage.'; return; }
    fetch('../__admin/coverage', { headers: { accept: 'application/json' } })
      .then(function (res) {
        if (res.status === 401) throw new Error('this authmock runs with --admin-token: GET /__admin/coverage with it to see the coverage');
        if (!res.ok) throw new Error('GET /__admin/coverage answered ' + res.status);
        return res.json();
      })
      .then(show, function (error) { status.textContent = error.message; });
  }
  window.addEventListener('load', function () {
    load();
    var button = document.getElementById('authmock-coverage-refresh');
    if (button) button.addEventListener('click', load);
  });
})();
`;
}
