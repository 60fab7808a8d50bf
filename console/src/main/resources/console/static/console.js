// Progressive enhancement only: every page works without this script. It refreshes the overview's live part
// in place every few seconds while the tab is visible, instead of reloading the page (which would lose the
// reader's scroll position and focus).
(function () {
  'use strict';
  var live = document.getElementById('live');
  if (!live || !window.fetch || !window.DOMParser) {
    return;
  }
  var url = live.getAttribute('data-poll');
  function refresh() {
    if (document.hidden) {
      return;
    }
    fetch(url, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
        var current = document.getElementById('live');
        if (fresh && current) {
          current.replaceWith(fresh);
        }
      })
      .catch(function () { /* the next tick tries again */ });
  }
  setInterval(refresh, 5000);
})();
