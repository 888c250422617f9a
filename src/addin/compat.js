// ES5, loaded before the pane: where the web view is too old to run the pane's script (Internet Explorer 11, the
// old Edge of Excel 2016 and 2019 without WebView2), the page says so instead of waiting for ever.
(function () {
  setTimeout(function () {
    if (document.documentElement.getAttribute('data-started') === 'true') return;
    var note = document.getElementById('too-old');
    var loading = document.getElementById('loading');
    if (note) note.removeAttribute('hidden');
    if (loading) loading.setAttribute('hidden', '');
  }, 10000);
})();
