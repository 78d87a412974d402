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
  // The claim to go on with after a decision on this row: the next one still waiting, else the one before.
  function nextWaiting(row) {
    var all = rows();
    var at = all.indexOf(row);
    for (var i = at + 1; i < all.length; i++) { if (!all[i].classList.contains('decided')) { return all[i]; } }
    for (var j = at - 1; j >= 0; j--) { if (!all[j].classList.contains('decided')) { return all[j]; } }
    return null;
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
  // After an inline decision, keep the reviewer's place: the row is replaced by its outcome, and focus moves to the
  // next claim still waiting (the replaced row is gone from the page, so the next one is chosen before the swap).
  var goOn = null;
  document.body.addEventListener('htmx:beforeSwap', function (event) {
    var row = event.detail.target;
    if (row && row.classList && row.classList.contains('queue-row')) {
      goOn = { id: row.id, next: nextWaiting(row) };
    }
  });
  document.body.addEventListener('htmx:afterSettle', function () {
    if (!goOn) { return; }
    var target = goOn.next && document.body.contains(goOn.next) ? goOn.next : null;
    if (!target) {
      var decided = queue.querySelector('.queue-row.decided[data-claim="' + (goOn.id || '').replace('queue-claim-', '') + '"]');
      target = decided;
    }
    goOn = null;
    if (target) { target.focus(); }
  });
})();
