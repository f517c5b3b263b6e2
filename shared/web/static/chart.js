// The trends chart: draws each [data-chart] element with uPlot (served from /assets/uplot.js) from
// the numbers in its data-chart attribute. No inline script: the Content-Security-Policy forbids it.
'use strict';
(function () {
  function draw(el) {
    var d;
    try {
      d = JSON.parse(el.getAttribute('data-chart') || '');
    } catch (e) {
      return;
    }
    if (!d || !Array.isArray(d.x) || typeof uPlot !== 'function') return;
    var colours = ['#0b5cad', '#d8543a', '#235d2d', '#7a4b00', '#6b3fa0'];
    var series = [{ label: 'day' }].concat(
      d.series.map(function (s, i) {
        return { label: s.label, stroke: colours[i % colours.length], width: 2, points: { show: d.x.length < 60 } };
      }),
    );
    var opts = {
      width: Math.max(320, el.clientWidth || 900),
      height: 320,
      series: series,
      scales: { x: { time: true } },
      axes: [{}, { label: d.unit || 'stories' }],
    };
    el.textContent = '';
    el.classList.add('drawn');
    new uPlot(opts, [d.x].concat(d.series.map(function (s) { return s.values; })), el);
  }
  document.addEventListener('DOMContentLoaded', function () {
    var els = document.querySelectorAll('[data-chart]');
    for (var i = 0; i < els.length; i++) draw(els[i]);
  });
})();
