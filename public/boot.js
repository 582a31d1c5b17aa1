// index.html's start-up script (a file, so that the CSP needs no exception for it).
(function () {
  document.documentElement.className = location.pathname === '/' ? 'js static-at-home' : 'js';
  try {
    var l = localStorage.getItem('qujat.lang');
    l = l && JSON.parse(l);
    if (l === 'kk' || l === 'ru' || l === 'en') document.documentElement.lang = l;
  } catch (e) {}
  function fail() {
    var s = document.getElementById('static-status');
    var f = document.getElementById('static-failed');
    if (s) s.hidden = true;
    if (f) f.hidden = false;
  }
  // The page's one way to say "the app stopped": everything else is hidden
  // and #app-crashed says so in the page's language, with 1414 and
  // "Reload". The app asks for it with the event `qujat-stopped` (a bundle
  // whose texts cannot be had, src/ui/app/mount.rs).
  function stopped() {
    var c = document.getElementById('app-crashed');
    if (!c || !c.hidden) return;
    for (var n = document.body.firstElementChild; n; n = n.nextElementSibling) if (n !== c) n.hidden = true;
    c.hidden = false;
    c.firstElementChild.focus();
  }
  // After the app has started, a WebAssembly trap that reaches the page is
  // a crash (a panic aborts the wasm, which then traps). The console keeps
  // the details (the browser logs the error, the app's panic hook the
  // panic). Other errors (an extension's, say) do not replace the page.
  function crashed(error) {
    if (typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError) stopped();
  }
  function failed(error) {
    if (document.getElementById('static-shell')) fail();
    else crashed(error);
  }
  if (typeof WebAssembly !== 'object') document.addEventListener('DOMContentLoaded', fail);
  window.addEventListener('unhandledrejection', function (e) { failed(e.reason); });
  window.addEventListener('error', function (e) { failed(e.error); });
  window.addEventListener('qujat-stopped', stopped);
  // A kiosk never shows a page restored from the back/forward cache: after
  // a wipe, Back would bring the previous visitor's page back as it was.
  window.addEventListener('pageshow', function (e) {
    if (!e.persisted) return;
    try { if (JSON.parse(localStorage.getItem('qujat.kiosk')) === true) location.reload(); } catch (err) {}
  });
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('#app-reload')) location.reload();
  });
  // The static shell paints before the wasm is asked for: each page's
  // loader (trunk's, as .ci/precache.mjs leaves it) awaits this promise,
  // kept by the first contentful paint (where the browser reports no paint
  // entries, by the second animation frame, which comes after the first
  // frame's paint). Here once rather than in every page's loader.
  window.qujatPainted = new Promise(function (go) {
    function later() { setTimeout(go, 0); }
    var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (types.indexOf('paint') < 0) return requestAnimationFrame(function () { requestAnimationFrame(later); });
    new PerformanceObserver(function (list, observer) {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      later();
    }).observe({ type: 'paint', buffered: true });
  });
})();
