// Progressive enhancement for the article page: works without it (links scroll, the form takes typed words).
// 1. Clicking a claim in the list selects its words in the text.
// 2. Selecting words in the text (mouse, or keyboard with caret browsing) fills the "Mark a claim" form with the
//    exact words and their offsets.
(function () {
  'use strict';
  var body = document.getElementById('article-body');
  if (!body) { return; }

  function select(id) {
    var marks = body.querySelectorAll('mark[data-claims]');
    var first = null;
    marks.forEach(function (mark) {
      var on = (' ' + mark.getAttribute('data-claims') + ' ').indexOf(' ' + id + ' ') >= 0;
      mark.classList.toggle('selected', on);
      if (on && !first) { first = mark; }
    });
    document.querySelectorAll('.claim-item').forEach(function (item) {
      item.classList.toggle('selected', item.getAttribute('data-claim') === String(id));
    });
    if (first) { first.scrollIntoView({ block: 'center' }); }
  }

  document.querySelectorAll('.claim-link').forEach(function (link) {
    // The words are selected and scrolled to, but focus stays on the link: a keyboard user goes on down the list
    // instead of landing in the article text (where following the plain link would leave them).
    link.addEventListener('click', function (event) {
      event.preventDefault();
      select(link.getAttribute('data-claim'));
      if (history.replaceState) { history.replaceState(null, '', link.getAttribute('href')); }
      link.focus();
    });
  });
  if (location.hash.indexOf('#claim-') === 0) { select(location.hash.substring(7)); }

  function offsetOf(node, offset) {
    var element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    while (element && element !== body && !element.hasAttribute('data-start')) { element = element.parentElement; }
    if (!element || !element.hasAttribute('data-start')) { return null; }
    return parseInt(element.getAttribute('data-start'), 10) + (node.nodeType === Node.TEXT_NODE ? offset : 0);
  }

  var text = document.getElementById('mark-text');
  var start = document.getElementById('mark-start');
  var end = document.getElementById('mark-end');
  if (!text) { return; }
  document.addEventListener('selectionchange', function () {
    var selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return; }
    var range = selection.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) { return; }
    var from = offsetOf(range.startContainer, range.startOffset);
    var to = offsetOf(range.endContainer, range.endOffset);
    if (from === null || to === null || to <= from) { return; }
    text.value = selection.toString();
    start.value = from;
    end.value = to;
  });
  text.addEventListener('input', function () { start.value = ''; end.value = ''; });
})();
