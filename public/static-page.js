// The bundles' pages (made by .ci/shells.mjs): shows the static heading
// (and lead or banner) of the page the address names — a passport, the
// application's start, the back office — until the app replaces them; the
// generic heading, which follows, is then hidden (a class on <html>, see
// main.css). It stands right after those blocks, which start hidden, so
// the first paint already has the right one (DOMContentLoaded may come
// only once the app's module has run).
(function () {
  var here = location.pathname.replace(/\/+$/, '');
  var all = document.querySelectorAll('.static-page');
  for (var i = 0; i < all.length; i++) {
    if (all[i].getAttribute('data-path') !== here) continue;
    all[i].hidden = false;
    document.documentElement.classList.add('static-at-page');
  }
})();
