/*
 * Osallistu embed snippet. A municipal web page includes this file from the Osallistu server
 * and marks where the app goes:
 *
 *   <div data-osallistu data-path="/plans/12" data-lang="sv" data-sync="hash"
 *        data-title="Osallistu: kaavat ja tapahtumat"></div>
 *   <script src="https://osallistu.example.fi/embed.js" defer></script>
 *
 * Each element becomes an iframe of the app that resizes itself to its content. Messages are
 * accepted only from that iframe and only from the app's own origin (the origin of this
 * script). data-lang picks the language; changing the attribute later switches it. With
 * data-sync="hash" the host page's address keeps the app's page (#osallistu=/plans/12), so a
 * link or a reload opens the same page; the back button of the host page works too.
 * The snippet defines no globals and adds no styles to the host page.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var appUrl = new URL('.', script.src);
  var appOrigin = appUrl.origin;
  var HASH = 'osallistu=';

  function hashPath() {
    var h = decodeURIComponent(location.hash.slice(1));
    return h.indexOf(HASH) === 0 && h.charAt(HASH.length) === '/' ? h.slice(HASH.length) : null;
  }

  function embed(el) {
    if (el.getAttribute('data-osallistu-ready')) return;
    el.setAttribute('data-osallistu-ready', '1');
    var sync = el.getAttribute('data-sync') === 'hash';
    var path = (sync && hashPath()) || el.getAttribute('data-path') || '/';
    if (path.charAt(0) !== '/') path = '/' + path;
    var src = new URL(path.slice(1), appUrl);
    src.searchParams.set('embed', '1');
    var lang = el.getAttribute('data-lang');
    if (lang) src.searchParams.set('lang', lang);

    var frame = document.createElement('iframe');
    frame.src = src.href;
    frame.title = el.getAttribute('data-title') || 'Osallistu';
    frame.setAttribute('allow', 'geolocation');
    frame.style.cssText = 'display:block;width:100%;height:600px;border:0;';
    el.appendChild(frame);

    function post(message) {
      if (frame.contentWindow) frame.contentWindow.postMessage(message, appOrigin);
    }

    window.addEventListener('message', function (event) {
      if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
      var data = event.data || {};
      if (data.type === 'osallistu:height' && typeof data.height === 'number' && data.height > 0) {
        frame.style.height = Math.ceil(data.height) + 'px';
      } else if (data.type === 'osallistu:path' && sync && typeof data.path === 'string' && data.path.charAt(0) === '/') {
        if (hashPath() !== data.path) {
          var url = location.pathname + location.search + '#' + HASH + data.path;
          history.replaceState(history.state, '', url);
        }
      }
    });

    if (sync) {
      window.addEventListener('hashchange', function () {
        var p = hashPath();
        if (p) post({ type: 'osallistu:navigate', path: p });
      });
    }

    new MutationObserver(function () {
      var l = el.getAttribute('data-lang');
      if (l) post({ type: 'osallistu:lang', lang: l });
    }).observe(el, { attributes: true, attributeFilter: ['data-lang'] });
  }

  function all() {
    var nodes = document.querySelectorAll('[data-osallistu]');
    for (var i = 0; i < nodes.length; i++) embed(nodes[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', all);
  else all();
})();
