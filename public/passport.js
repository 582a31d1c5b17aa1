// The passports' page (made by .ci/shells.mjs): shows the static heading and
// lead of the passport the address names, or the generic heading for any
// other address, until the app replaces them. It stands right after them
// in the page and both start hidden, so the first paint already has the
// right one (DOMContentLoaded may come only once the app's module has run).
(function () {
  var m = /^\/services\/([^/]+)\/?$/.exec(location.pathname);
  var all = document.querySelectorAll('.static-passport');
  var found = false;
  for (var i = 0; i < all.length; i++) {
    if (m && all[i].getAttribute('data-s') === m[1]) {
      all[i].hidden = false;
      found = true;
    }
  }
  var generic = document.querySelector('.static-generic');
  if (generic && !found) generic.hidden = false;
})();
