// A record's other address (its short link /l/<code>/, an old slug) sends
// the browser on to the page, keeping the query: a QR poster's code is the
// short link tagged ?nguon=qr, and the page's visit must keep that tag so
// that scans are counted. The page's <meta http-equiv="refresh"> does the
// same without JavaScript, without the tag.
(function () {
  var link = document.querySelector('link[rel="canonical"]');
  if (!link) return;
  var to = new URL(link.href);
  if (to.origin !== location.origin) return;
  location.replace(to.pathname + location.search + location.hash);
})();
