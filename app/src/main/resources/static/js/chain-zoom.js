// The traceability diagram's zoom: the SVG keeps its natural size inside a box that scrolls; the buttons scale it.
(function () {
  'use strict';
  document.querySelectorAll('.chain-figure').forEach(function (figure) {
    var svg = figure.querySelector('svg.chain-diagram');
    var box = figure.querySelector('.chain-scroll');
    if (!svg || !box) {
      return;
    }
    var natural = Number(svg.dataset.width) || svg.viewBox.baseVal.width;
    var ratio = svg.viewBox.baseVal.height / svg.viewBox.baseVal.width;
    var scale = 1;
    function apply() {
      svg.setAttribute('width', String(Math.round(natural * scale)));
      svg.setAttribute('height', String(Math.round(natural * scale * ratio)));
    }
    figure.querySelectorAll('[data-zoom]').forEach(function (button) {
      button.addEventListener('click', function () {
        var how = button.dataset.zoom;
        if (how === 'in') {
          scale = Math.min(scale * 1.25, 4);
        } else if (how === 'out') {
          scale = Math.max(scale / 1.25, 0.25);
        } else {
          scale = Math.min(1, (box.clientWidth - 2) / natural);
        }
        apply();
      });
    });
  });
})();
