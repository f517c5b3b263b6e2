// Keyboard shortcuts (as in Miniflux): "/" goes to the page's first search or filter field, "j" and
// "k" to the next and previous item of a list (articles, stories, alerts), Enter follows it. Keys
// typed into a field are left alone.
'use strict';
(function () {
  var ITEMS = 'ol.articles a.title, ol.stories > li > h2 > a, ul.alerts li a[href^="/articles/"]';
  function typing(t) {
    return t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
  }
  function step(by) {
    var items = Array.prototype.slice.call(document.querySelectorAll(ITEMS));
    if (!items.length) return;
    var at = items.indexOf(document.activeElement);
    var next = at < 0 ? (by > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + by));
    items[next].focus();
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    if (e.key === '/') {
      var field = document.querySelector('main input[type="search"], main form input:not([type="checkbox"]):not([type="hidden"])');
      if (field) {
        e.preventDefault();
        field.focus();
      }
    } else if (e.key === 'j') step(1);
    else if (e.key === 'k') step(-1);
  });
})();
