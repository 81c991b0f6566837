// @ts-check
// A second fence for HTML the server rendered from Markdown.

/**
 * sanitize reads the HTML into an inert document, drops what could run or
 * load, and returns its nodes.
 * @param {string} html
 * @returns {ChildNode[]}
 */
export function sanitize(html) {
  // The server renders without raw HTML; this is a second fence.
  const doc = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
  doc.querySelectorAll('script,style,iframe,object,embed,form,input,button,link,meta,base,frame,frameset,svg,math').forEach((n) => n.remove());
  doc.querySelectorAll('*').forEach((n) => {
    for (const a of [...n.attributes]) {
      const v = a.value.trim().toLowerCase();
      if (a.name.startsWith('on') || a.name === 'style' || ((a.name === 'href' || a.name === 'src') && (v.startsWith('javascript:') || v.startsWith('data:') || v.startsWith('vbscript:')))) {
        n.removeAttribute(a.name);
      }
    }
    if (n.tagName === 'A') { n.setAttribute('target', '_blank'); n.setAttribute('rel', 'noopener noreferrer'); }
  });
  const box = doc.body.firstChild;
  return box ? [...box.childNodes] : [];
}
