// MetroLIMS pages work without JavaScript; this only folds the navigation away on narrow
// screens behind a Menu button. Without it, the navigation simply stays open above the content.
(function () {
  'use strict';
  var button = document.querySelector('.nav-toggle');
  var nav = document.getElementById('sidebar');
  if (!button || !nav) {
    return;
  }
  document.documentElement.classList.add('js-nav');
  button.addEventListener('click', function () {
    var open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('is-open', open);
  });
})();
