// The calibration form: builds the draft as JSON, asks the server to evaluate it as the technician types
// (POST /calibrations/preview: the same evaluation the record is stored with; nothing is stored), and saves it
// (POST /calibrations/drafts). Both calls ride the page's session with its CSRF token; /api is for HTTP Basic clients.
(function () {
  'use strict';
  var form = document.getElementById('calibration-form');
  if (!form) { return; }
  var points = document.getElementById('points');
  var errorBox = document.getElementById('form-error');
  var pointTemplate = document.getElementById('point-template');
  var componentTemplate = document.getElementById('component-template');
  var correlationTemplate = document.getElementById('correlation-template');
  var timer = null;

  // pickers (picker.js) fill the hidden id fields; the customer follows the instrument (its owner) until one is
  // picked; the standards' list fills referenceStandardIds
  var customerPicker = document.getElementById('customer-picker');
  var instrumentPicker = document.getElementById('instrument-picker');
  if (instrumentPicker && customerPicker) {
    instrumentPicker.addEventListener('picker-chosen', function (e) {
      var customerSearch = document.getElementById('customer-search');
      if (!form.elements.customerOrganizationId.value || customerSearch.dataset.followed === 'true') {
        form.elements.customerOrganizationId.value = e.detail.organizationId;
        customerSearch.value = e.detail.detail || '';
        customerSearch.dataset.followed = 'true';
      }
    });
    customerPicker.addEventListener('picker-chosen', function () {
      document.getElementById('customer-search').dataset.followed = 'false';
    });
  }
  // the procedure picker: a template version fills the code, the decision rule and the points with their tolerances
  // and Type B budgets; the technician then types the readings. The version's id goes with the saved draft.
  var procedurePicker = document.getElementById('procedure-picker');
  if (procedurePicker) {
    procedurePicker.addEventListener('picker-chosen', function (e) { fillFromProcedure(e.detail); });
  }

  function setValue(el, v) { if (el) { el.value = v === null || v === undefined ? '' : String(v); } }

  function fillFromProcedure(o) {
    var f = form.elements;
    f.procedureCode.value = o.code;
    setValue(f.decisionRule, o.decisionRule);
    setValue(f.decisionRuleMultiplier, o.decisionRuleMultiplier);
    points.innerHTML = '';
    (o.points || []).forEach(function (p) {
      addPoint();
      var point = points.lastElementChild;
      function k(name) { return point.querySelector('[data-k="' + name + '"]'); }
      setValue(k('nominal'), p.nominal);
      setValue(k('unit'), p.unit);
      setValue(k('tolerance'), p.tolerance);
      setValue(k('toleranceUnit'), p.toleranceUnit);
      (p.components || []).forEach(function (c, j) {
        if (j > 0) { addComponent(point); }
        var row = point.querySelectorAll('.components tbody tr')[j];
        function cell(name) { return row.querySelector('[data-c="' + name + '"]'); }
        setValue(cell('name'), c.name);
        setValue(cell('distribution'), c.distribution || (c.halfWidth !== null ? 'rectangular' : 'normal'));
        setValue(cell('expandedUncertainty'), c.expandedUncertainty);
        setValue(cell('coverageFactor'), c.coverageFactor);
        setValue(cell('halfWidth'), c.halfWidth);
        setValue(cell('standardUncertainty'), c.standardUncertainty);
        setValue(cell('sensitivity'), c.sensitivity);
      });
    });
    if (!points.querySelector('.point')) { addPoint(); }
    var filled = document.getElementById('procedure-filled');
    if (filled) { filled.textContent = filled.dataset.text.replace('{0}', o.label); filled.hidden = false; }
    var first = points.querySelector('[data-k="readings"]');
    if (first) { first.focus(); }
    schedule();
  }

  var standardPicker = document.getElementById('standard-picker');
  if (standardPicker) {
    standardPicker.addEventListener('change', function () {
      form.elements.referenceStandardIds.value = Array.prototype.filter.call(standardPicker.options,
        function (o) { return o.selected; }).map(function (o) { return o.value; }).join(', ');
      schedule();
    });
  }

  function num(v) { return v === '' || v == null ? null : Number(v); }
  function text(v) { return v === '' ? null : v; }

  function addComponent(point) {
    point.querySelector('.components tbody').appendChild(componentTemplate.content.cloneNode(true));
  }

  // a correlation between two of the point's components, named as in its budget (the readings' Type A is
  // "repeatability"); sent as correlations [{a, b, r}] and checked on the server (|r| <= 1, positive definite)
  function addCorrelation(point) {
    var body = point.querySelector('.correlations tbody');
    body.appendChild(correlationTemplate.content.cloneNode(true));
    var row = body.lastElementChild;
    row.querySelector('.remove-correlation').addEventListener('click', function () { row.remove(); schedule(); });
  }

  function addPoint() {
    points.appendChild(pointTemplate.content.cloneNode(true));
    var point = points.lastElementChild;
    point.querySelector('.add-component').addEventListener('click', function () { addComponent(point); });
    point.querySelector('.add-correlation').addEventListener('click', function () { addCorrelation(point); });
    point.querySelector('.remove-point').addEventListener('click', function () { point.remove(); schedule(); });
    addComponent(point);
  }

  function draft() {
    var f = form.elements;
    return {
      instrumentId: num(f.instrumentId.value),
      customerOrganizationId: num(f.customerOrganizationId.value),
      procedureCode: f.procedureCode.value,
      receivedOn: text(f.receivedOn.value),
      calibratedOn: text(f.calibratedOn.value),
      validUntil: text(f.validUntil.value),
      referenceStandardIds: f.referenceStandardIds.value.split(/[\s,;]+/).filter(Boolean).map(Number),
      temperatureC: num(f.temperatureC.value),
      relativeHumidityPct: num(f.relativeHumidityPct.value),
      asFound: text(f.asFound.value),
      asLeft: text(f.asLeft.value),
      decisionRule: text(f.decisionRule.value),
      decisionRuleMultiplier: num(f.decisionRuleMultiplier.value),
      coverageProbability: num(f.coverageProbability.value),
      referenceOverrides: Array.prototype.map.call(document.querySelectorAll('#reference-overrides textarea'),
        function (t) { return { standardId: Number(t.dataset.standard), reason: t.value }; }),
      points: Array.prototype.map.call(points.querySelectorAll('.point'), function (p) {
        function v(k) { return p.querySelector('[data-k="' + k + '"]').value.trim(); }
        return {
          nominal: num(v('nominal')), unit: v('unit'),
          readings: v('readings').split(/[\s,;]+/).filter(Boolean).map(Number),
          tolerance: num(v('tolerance')), toleranceUnit: text(v('toleranceUnit')),
          components: Array.prototype.map.call(p.querySelectorAll('.components tbody tr'), function (row) {
            function c(k) { return row.querySelector('[data-c="' + k + '"]').value.trim(); }
            return {
              name: c('name'), distribution: c('distribution'),
              expandedUncertainty: num(c('expandedUncertainty')), coverageFactor: num(c('coverageFactor')),
              halfWidth: num(c('halfWidth')), standardUncertainty: num(c('standardUncertainty')),
              sensitivity: num(c('sensitivity'))
            };
          }).filter(function (c) { return c.name; }),
          correlations: Array.prototype.map.call(p.querySelectorAll('.correlations tbody tr'), function (row) {
            function r(k) { return row.querySelector('[data-r="' + k + '"]').value.trim(); }
            return { a: r('a'), b: r('b'), r: num(r('r')) };
          }).filter(function (c) { return c.a || c.b || c.r !== null; })
        };
      })
    };
  }

  function post(url, body) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    headers[form.dataset.csrfHeader] = form.dataset.csrf;
    return fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (json) { return { ok: r.ok, json: json }; }); });
  }

  function showError(problem) {
    var e = problem && problem.errors && problem.errors[0];
    errorBox.textContent = e ? e.field + ': ' + e.message : (problem && problem.detail) || '';
    errorBox.hidden = !errorBox.textContent;
    markCorrelation(e);
    offerOverrides(problem && problem.unfit);
  }

  // reference standards refused as unfit on the calibration date: the reason is shown next to the standards field,
  // with a reason box per standard to use it anyway (a documented override, printed on the certificate)
  function offerOverrides(unfit) {
    var box = document.getElementById('reference-overrides');
    if (!unfit) { return; }
    var message = document.getElementById('reference-error');
    message.textContent = unfit.map(function (u) { return u.message; }).join(' · ');
    message.hidden = false;
    unfit.forEach(function (u) {
      if (box.querySelector('textarea[data-standard="' + u.standardId + '"]')) { return; }
      var label = document.createElement('label');
      label.className = 'field';
      var span = document.createElement('span');
      span.textContent = u.overrideLabel;
      var reason = document.createElement('textarea');
      reason.dataset.standard = String(u.standardId);
      reason.name = 'override-' + u.standardId;
      reason.maxLength = 500;
      reason.rows = 2;
      label.appendChild(span);
      label.appendChild(reason);
      box.appendChild(label);
    });
    box.hidden = false;
  }

  // a correlation's error is also shown next to it: points[i].correlations[j](.a|.b|.r) marks that input (or row)
  // and writes the message under the point's correlation table
  function markCorrelation(e) {
    Array.prototype.forEach.call(points.querySelectorAll('.correlations [aria-invalid]'), function (el) {
      el.removeAttribute('aria-invalid');
    });
    Array.prototype.forEach.call(points.querySelectorAll('.correlation-error'), function (el) {
      el.hidden = true;
      el.textContent = '';
    });
    var m = e && /^points\[(\d+)\]\.correlations(?:\[(\d+)\](?:\.(a|b|r))?)?$/.exec(e.field);
    if (!m) { return; }
    var point = points.querySelectorAll('.point')[Number(m[1])];
    if (!point) { return; }
    var row = m[2] === undefined ? null : point.querySelectorAll('.correlations tbody tr')[Number(m[2])];
    var target = row && m[3] ? row.querySelector('[data-r="' + m[3] + '"]') : row;
    if (target) { target.setAttribute('aria-invalid', 'true'); }
    var box = point.querySelector('.correlation-error');
    box.textContent = e.message;
    box.hidden = false;
  }

  // U to two significant digits, rounded up unless less than a tenth of the last digit would be dropped (JCGM 100
  // 7.2.6, as MeasurementFormat does on the server); returns the text and the decimal place values round to.
  function roundUncertainty(u) {
    if (!(u > 0) || !isFinite(u)) { return {text: '0', scale: null}; }
    var x = Number(u.toPrecision(12));
    var scale = 1 - Math.floor(Math.log10(x));
    var m = Number((x * Math.pow(10, scale)).toPrecision(12));
    var k = Math.floor(m);
    if (m - k >= 0.1) { k += 1; }
    if (k >= 100) { k = k / 10; scale -= 1; }
    return {text: fixed(k / Math.pow(10, scale), scale), scale: scale};
  }

  function fixed(v, scale) {
    if (scale >= 0) { return v.toFixed(Math.min(scale, 100)); }
    var step = Math.pow(10, -scale);
    return String(Math.round(v / step) * step);
  }

  // a value to U's decimal place; without U, at most six significant digits (never binary float noise)
  function roundedTo(v, scale) {
    return scale === null ? String(Number(v.toPrecision(6))) : fixed(v, scale);
  }

  var labels = document.getElementById('verdict-labels');
  var verdicts = JSON.parse((labels && labels.textContent) || '{}');

  function render(results) {
    var outputs = points.querySelectorAll('.point-result');
    results.forEach(function (r, i) {
      var o = outputs[i];
      if (!o) { return; }
      var u = roundUncertainty(r.expandedUncertainty);
      var unit = r.unit ? ' ' + r.unit : '';
      o.textContent = o.dataset.mean + ' ' + roundedTo(r.mean, u.scale) + unit
        + ' · ' + o.dataset.error + ' ' + roundedTo(r.error, u.scale) + unit
        + ' · ' + o.dataset.expanded + ' ' + u.text + unit + ' (k = ' + r.coverageFactor.toFixed(2) + ')'
        + (r.verdict ? ' · ' + o.dataset.verdict + ' ' + (verdicts[r.verdict] || r.verdict) : '');
      o.dataset.code = r.verdict || '';
    });
  }

  function preview() {
    // nothing to evaluate before an instrument is picked (its range and unit come with it)
    if (!form.elements.instrumentId.value) { showError(null); return; }
    post(form.dataset.preview, draft()).then(function (res) {
      if (res.ok) { showError(null); render(res.json); } else { showError(res.json); }
    });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(preview, 400);
  }

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  document.getElementById('add-point').addEventListener('click', addPoint);
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var version = form.elements.procedureVersionId && form.elements.procedureVersionId.value;
    var save = form.dataset.save + (version ? '?procedureVersionId=' + encodeURIComponent(version) : '');
    post(save, draft()).then(function (res) {
      if (res.ok) { window.location.href = form.dataset.view + res.json.id; } else { showError(res.json); }
    });
  });
  addPoint();
}());
