// The coverage dashboard's trend charts (Apache ECharts, served from its WebJar). Each .trend-chart element carries
// its series in data attributes: dates, values (coverages already in percent), the target and whether it is a
// percentage. Axes start at zero (a coverage axis runs 0-100 %), the target is a dashed line with its value, and
// hovering a month shows its value. Charts follow their box's width, so they fit a phone.
(function () {
  'use strict';
  if (typeof window.echarts === 'undefined') {
    return;
  }
  var charts = [];
  document.querySelectorAll('.trend-chart[data-dates]').forEach(function (el) {
    var percent = el.dataset.percent === 'true';
    var dates = el.dataset.dates ? el.dataset.dates.split(',') : [];
    var values = el.dataset.values ? el.dataset.values.split(',').map(Number) : [];
    var target = Number(el.dataset.target);
    var unit = percent ? ' %' : '';
    var format = function (v) {
      return percent ? v.toFixed(1) + unit : Math.round(v).toLocaleString();
    };
    var top = Math.max(target, Math.max.apply(null, values.concat([0])));
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: function (v) { return format(v); }
      },
      xAxis: {
        type: 'category', data: dates, boundaryGap: false,
        axisLabel: { hideOverlap: true, formatter: function (d) { return d.substring(0, 7); } }
      },
      yAxis: {
        type: 'value', min: 0, max: percent ? 100 : undefined,
        // the target line must be inside the axis, whatever the values
        scale: false,
        axisLabel: { formatter: function (v) { return percent ? v + unit : v.toLocaleString(); } }
      },
      series: [{
        name: el.dataset.valueLabel || '', type: 'line', data: values, symbolSize: 6,
        lineStyle: { width: 2, color: '#0b4a86' }, itemStyle: { color: '#0b4a86' },
        markLine: {
          silent: true, symbol: 'none',
          lineStyle: { type: 'dashed', color: '#b45309', width: 1.5 },
          label: { position: 'insideEndTop', formatter: (el.dataset.targetLabel || '') + ' ' + format(target) },
          data: [{ yAxis: target }]
        }
      }]
    });
    if (!percent && top > 0) {
      chart.setOption({ yAxis: { max: Math.ceil(top * 1.1) } });
    }
    charts.push(chart);
  });
  // follow the box, not only the window: a grid cell narrows when the page reflows to a phone's width
  if (typeof window.ResizeObserver === 'function') {
    var observer = new window.ResizeObserver(function () {
      charts.forEach(function (c) { c.resize(); });
    });
    charts.forEach(function (c) { observer.observe(c.getDom()); });
  }
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
