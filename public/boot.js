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
  if (typeof WebAssembly !== 'object') document.addEventListener('DOMContentLoaded', fail);
  window.addEventListener('unhandledrejection', function () { if (document.getElementById('static-shell')) fail(); });
  window.addEventListener('error', function () { if (document.getElementById('static-shell')) fail(); });
})();
