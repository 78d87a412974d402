// After a refused form, focus moves to the summary of what went wrong (WCAG 3.3.1): a screen reader reads it, and a
// keyboard user goes on from there. Without this script the summary is still at the top of the page, as an alert.
(function () {
  'use strict';
  var summary = document.querySelector('.alert[role=alert][tabindex="-1"]');
  if (summary) { summary.focus(); }
  // A token shown once: focus goes to it, selected, ready to copy.
  var token = document.getElementById('token-value');
  if (!summary && token) { token.focus(); token.select(); }
})();

// A form sent by htmx whose answer is an error (htmx swaps nothing for those) or that never reached the server: say so
// next to the form, in an alert a screen reader announces, and keep what was typed. Without this the click seemed to
// do nothing while the database was away.
(function () {
  'use strict';
  function explain(event, text) {
    var origin = event.detail && event.detail.elt;
    var form = origin && (origin.closest ? origin.closest('form') : null) || origin;
    if (!form || !form.parentNode) { return; }
    var note = form.previousElementSibling;
    if (!note || !note.classList || !note.classList.contains('htmx-failure')) {
      note = document.createElement('p');
      note.className = 'alert alert-error htmx-failure';
      note.setAttribute('role', 'alert');
      form.parentNode.insertBefore(note, form);
    }
    note.textContent = text;
  }
  document.addEventListener('htmx:responseError', function (event) {
    var status = event.detail && event.detail.xhr ? event.detail.xhr.status : 0;
    explain(event, status === 503
      ? 'Quotecheck is briefly unavailable: nothing was saved. Your text is still here; try again in a few seconds.'
      : 'That did not work (error ' + status + '): nothing was saved. Reload the page and try again.');
  });
  document.addEventListener('htmx:sendError', function (event) {
    explain(event, 'Quotecheck could not be reached: nothing was saved. Your text is still here; try again in a few seconds.');
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    var origin = event.detail && event.detail.elt;
    var form = origin && origin.closest ? origin.closest('form') : null;
    if (event.detail && event.detail.successful && form && form.previousElementSibling
        && form.previousElementSibling.classList.contains('htmx-failure')) {
      form.previousElementSibling.remove();
    }
  });
})();
