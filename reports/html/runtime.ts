// The script the page runs: renders each embedded Vega spec (compiled from Vega-Lite at render time) as
// SVG with Vega's View API into its container, and records progress on window.__livelab and
// <html data-charts> (the PDF renderer and the browser tests wait for "done"); doneAt is ms since navigation. No network, no eval of
// page data: specs come from a JSON block.
export const RUNTIME = `
(function () {
  'use strict';
  var state = { total: 0, rendered: 0, failed: [], done: false, ms: 0, doneAt: 0, chartMs: {} };
  window.__livelab = state;
  var started = performance.now();
  function finish() {
    state.done = true;
    state.ms = Math.round(performance.now() - started);
    state.doneAt = Math.round(performance.now());
    document.documentElement.setAttribute('data-charts', state.failed.length ? 'failed' : 'done');
  }
  var block = document.getElementById('livelab-specs');
  var specs = block ? JSON.parse(block.textContent || '[]') : [];
  state.total = specs.length;
  if (typeof vega === 'undefined') {
    state.failed = specs.map(function (s) { return s.id; });
    finish();
    return;
  }
  var i = 0;
  function next() {
    if (i >= specs.length) { finish(); return; }
    var item = specs[i++];
    var el = document.getElementById(item.id);
    var t0 = performance.now();
    try {
      var view = new vega.View(vega.parse(item.spec), { renderer: 'svg', container: el, hover: true });
      view.runAsync().then(function () {
        el.setAttribute('data-rendered', 'true');
        state.chartMs[item.id] = Math.round(performance.now() - t0);
        state.rendered++;
        next();
      }, function (e) { fail(el, item.id, e); next(); });
    } catch (e) { fail(el, item.id, e); next(); }
  }
  function fail(el, id, e) {
    state.failed.push(id);
    if (el) { el.setAttribute('data-rendered', 'error'); el.textContent = 'This chart could not be drawn: ' + (e && e.message ? e.message : String(e)); }
    console.error('livelab chart ' + id + ': ' + (e && e.message ? e.message : String(e)));
  }
  next();
})();
`;
