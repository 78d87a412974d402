// Keyboard use of the approval queue: j/k move between claims, a approves, r returns (focuses the note).
// Without this script every row still has its own approve and return forms.
(function () {
  'use strict';
  var queue = document.getElementById('queue');
  if (!queue) { return; }
  function rows() { return Array.prototype.slice.call(queue.querySelectorAll('.queue-row')); }
  function current() {
    var active = document.activeElement;
    return active && active.closest ? active.closest('.queue-row') : null;
  }
  function move(step) {
    var all = rows();
    var at = all.indexOf(current());
    var next = all[Math.max(0, Math.min(all.length - 1, at < 0 ? 0 : at + step))];
    if (next) { next.focus(); }
  }
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) {
      if (event.key === 'Escape') { var row = target.closest('.queue-row'); if (row) { row.focus(); } }
      return;
    }
    var row = current();
    if (event.key === 'j') { move(1); event.preventDefault(); }
    else if (event.key === 'k') { move(-1); event.preventDefault(); }
    else if (event.key === 'a' && row) {
      var approve = row.querySelector('.approve-form');
      if (approve) { event.preventDefault(); approve.requestSubmit(); }
    } else if (event.key === 'r' && row) {
      var note = row.querySelector('.return-note');
      if (note) { event.preventDefault(); note.focus(); }
    }
  });
  // After an inline decision, keep the reviewer's place: focus the next claim.
  document.body.addEventListener('htmx:afterSwap', function (event) {
    var swapped = event.detail.target;
    if (swapped && swapped.classList && swapped.classList.contains('queue-row')) {
      var next = swapped.nextElementSibling;
      (next || swapped).focus();
    }
  });
})();
