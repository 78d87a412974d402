// After a refused form, focus moves to the summary of what went wrong (WCAG 3.3.1): a screen reader reads it, and a
// keyboard user goes on from there. Without this script the summary is still at the top of the page, as an alert.
(function () {
  'use strict';
  var summary = document.querySelector('.alert[role=alert][tabindex="-1"]');
  if (summary) { summary.focus(); }
})();
