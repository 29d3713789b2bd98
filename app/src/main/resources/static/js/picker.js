// Pickers: find an instrument, organization, standard or region by typing part of its name, code, serial or asset
// number, instead of typing its id or code. Two forms, both progressive:
//
// 1. <div class="picker" data-picker="/options/instruments"> with an <input class="picker-search">, a
//    <select class="picker-results" hidden> and the field that is posted, <input type="hidden" name="instrumentId"
//    data-picker-value="id"> (or "code"). Choosing a match fills the field, writes its label into the search box and
//    sends a "picker-chosen" event (detail: the option) from the div, so that a form can follow (the customer follows
//    the instrument).
// 2. <input name="regionCode" list="…" data-picker-list="/options/regions">: a plain form's code field whose
//    <datalist> fills with matches (value the code, label the name) as one types; without script it stays a field
//    for the code, and the form still works.
//
// The options come from /options/* (JSON, at most 20, scoped to what the user may see), in the page's language.
(function () {
  'use strict';

  function fetchOptions(url, q) {
    var sep = url.indexOf('?') < 0 ? '?' : '&';
    return fetch(url + sep + 'q=' + encodeURIComponent(q), { credentials: 'same-origin',
      headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .catch(function () { return []; });
  }

  function debounce(fn) {
    var timer = null;
    return function () { clearTimeout(timer); timer = setTimeout(fn, 200); };
  }

  document.querySelectorAll('.picker[data-picker]').forEach(function (box) {
    var search = box.querySelector('.picker-search');
    var results = box.querySelector('.picker-results');
    var field = box.querySelector('[data-picker-value]');
    if (!search || !results || !field) { return; }
    var current = [];

    function choose(index) {
      var o = current[index];
      if (!o) { return; }
      field.value = o[field.dataset.pickerValue];
      search.value = o.label;
      results.hidden = true;
      field.dispatchEvent(new Event('change', { bubbles: true }));
      box.dispatchEvent(new CustomEvent('picker-chosen', { bubbles: true, detail: o }));
    }

    search.addEventListener('input', function () {
      // typing again un-chooses: the posted field never keeps a choice the box no longer shows
      if (field.value !== '') { field.value = ''; field.dispatchEvent(new Event('change', { bubbles: true })); }
    });
    search.addEventListener('input', debounce(function () {
      var q = search.value.trim();
      if (q.length < 2) { results.hidden = true; return; }
      fetchOptions(box.dataset.picker, q).then(function (options) {
        current = options;
        results.innerHTML = '';
        options.forEach(function (o, i) {
          var opt = document.createElement('option');
          opt.value = String(i);
          opt.textContent = o.label + (o.detail ? ' — ' + o.detail : '');
          results.appendChild(opt);
        });
        if (options.length === 0) {
          var none = document.createElement('option');
          none.disabled = true;
          none.textContent = box.dataset.none || '—';
          results.appendChild(none);
        }
        results.size = Math.min(Math.max(options.length, 2), 6);
        results.hidden = false;
      });
    }));
    search.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' && !results.hidden) { e.preventDefault(); results.focus(); results.selectedIndex = 0; }
      if (e.key === 'Enter') { e.preventDefault(); if (current.length === 1) { choose(0); } }
    });
    results.addEventListener('click', function () { choose(results.selectedIndex); });
    results.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); choose(results.selectedIndex); search.focus(); }
      if (e.key === 'Escape') { results.hidden = true; search.focus(); }
    });
    results.addEventListener('change', function () {
      // a selection made with the keyboard or a phone's wheel chooses at once
      if (document.activeElement !== results || 'ontouchstart' in window) { choose(results.selectedIndex); }
    });
  });

  document.querySelectorAll('input[data-picker-list][list]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    if (!list) { return; }
    input.addEventListener('input', debounce(function () {
      var q = input.value.trim();
      if (q.length < 2) { return; }
      fetchOptions(input.dataset.pickerList, q).then(function (options) {
        list.innerHTML = '';
        options.forEach(function (o) {
          var opt = document.createElement('option');
          opt.value = o.code;
          opt.label = o.label + (o.detail ? ' — ' + o.detail : '');
          opt.textContent = opt.label;
          list.appendChild(opt);
        });
      });
    }));
  });
})();
