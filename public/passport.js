// The passports' page (made by .ci/shells.mjs): shows the static heading and
// lead of the passport the address names until the app replaces them; the
// generic heading, which follows, is then hidden (a class on <html>, see
// main.css). It stands right after the passports' headings, which start
// hidden, so the first paint already has the right one (DOMContentLoaded
// may come only once the app's module has run).
(function () {
  var m = /^\/services\/([^/]+)\/?$/.exec(location.pathname);
  if (!m) return;
  var all = document.querySelectorAll('.static-passport');
  for (var i = 0; i < all.length; i++) {
    if (all[i].getAttribute('data-s') !== m[1]) continue;
    all[i].hidden = false;
    document.documentElement.classList.add('static-at-passport');
  }
})();
