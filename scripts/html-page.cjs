// One HTML page with its script and style inlined (build/Sidebar.html, build/Picker.html), with
// the checks that keep it what HtmlService expects. Used by scripts/build.mjs; tested in
// test/build.test.ts.

/**
 * The page: `html` must hold the <!-- HEAD --> and <!-- SCRIPT --> markers. HtmlService templates
 * (the Picker page is one, and any page may become one) read "<?" as the start of a scriptlet
 * (https://developers.google.com/apps-script/guides/html/templates): only the page's own HTML
 * may hold scriptlets, never the script or the style inlined into it.
 */
function assemblePage({ name, html, js, style }) {
  for (const [what, text] of [
    ['script', js],
    ['style', style],
  ]) {
    if (text.includes('<?'))
      throw new Error(
        `build/${name}.html: the inlined ${what} contains "<?", which HtmlService reads as the start of a scriptlet.`,
      );
  }
  const script = js.replace(/<\/script/gi, '<\\/script');
  const head = `<base target="_top" />\n    <meta charset="utf-8" />\n    <style>\n${style}</style>`;
  const out = html
    .replace('<!-- HEAD -->', () => head)
    .replace('<!-- SCRIPT -->', () => `<script>\n${script}</script>`);
  if (out.includes('<!-- HEAD -->') || out.includes('<!-- SCRIPT -->') || out === html) {
    throw new Error(
      `build/${name}.html: its source must hold the <!-- HEAD --> and <!-- SCRIPT --> markers.`,
    );
  }
  return out;
}

module.exports = { assemblePage };
