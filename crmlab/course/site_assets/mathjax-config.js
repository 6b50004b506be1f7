/* MathJax 3 configuration of the crmlab course site: typeset only Markdown cells, no context menu
   (its accessibility items would load the speech-rule engine from a CDN), SVG output (no web fonts). */
window.MathJax = {
  tex: {
    inlineMath: [["$", "$"], ["\\(", "\\)"]],
    displayMath: [["$$", "$$"], ["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true
  },
  options: {
    enableMenu: false,
    ignoreHtmlClass: "site-main",
    processHtmlClass: "jp-RenderedMarkdown"
  },
  svg: { fontCache: "global" }
};
