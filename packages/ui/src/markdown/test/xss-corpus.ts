/**
 * Markdown an attacker (or a prompt-injected model) might produce. Every payload, if it ever ran,
 * would set `window.__gkXss`. Used by the XSS browser test and the "XSS corpus" story.
 */
const RUN = 'window.__gkXss=1';

export const xssCorpus: readonly string[] = [
  // Raw HTML: must stay text.
  `<script>${RUN}</script>`,
  `<img src=x onerror="${RUN}">`,
  `<svg onload=${RUN}>`,
  `<iframe src="javascript:${RUN}"></iframe>`,
  `<a href="javascript:${RUN}">raw anchor</a>`,
  `<details open ontoggle=${RUN}>`,
  `**<img src=x onerror=${RUN}>**`,
  `<scr<script>ipt>${RUN}</script>`,
  `&lt;script&gt;${RUN}&lt;/script&gt;`,
  // Dangerous link schemes, plain and obfuscated.
  `[plain](javascript:${RUN})`,
  `[mixed case](JaVaScRiPt:${RUN})`,
  `[decimal entity](&#106;avascript:${RUN})`,
  `[hex entity](&#x6A;avascript:${RUN})`,
  `[no semicolons](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${RUN})`,
  `[named colon](javascript&colon;${RUN})`,
  `[tab entity](jav&#x09;ascript:${RUN})`,
  `[newline entity](jav&#x0A;ascript:${RUN})`,
  `[NewLine entity](jav&NewLine;ascript:${RUN})`,
  `[null entity](java&#0;script:${RUN})`,
  `[angle brackets with space](<java script:${RUN}>)`,
  `[leading spaces](   javascript:${RUN})`,
  `[escaped](javascript\\:${RUN})`,
  `[with title](javascript:${RUN} "title")`,
  `[attribute break](" onmouseover="${RUN})`,
  `[vbscript](vbscript:msgbox(1))`,
  `[data html](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19na1hzcz0xPC9zY3JpcHQ+)`,
  `[data upper](DATA:text/html,<script>${RUN}</script>)`,
  `[file](file:///etc/passwd)`,
  `[blob](blob:https://example.com/uuid)`,
  `[percent scheme](%6A%61%76%61%73%63%72%69%70%74:${RUN})`,
  // Images.
  `![plain](javascript:${RUN})`,
  `![svg data](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX2drWHNzPTEiLz4=)`,
  `![png data](data:image/png;base64,iVBORw0KGgo=)`,
  `![quote break](x" onerror="${RUN})`,
  `![entity](&#106;avascript:${RUN})`,
  // Autolinks.
  `<javascript:${RUN}>`,
  `<JAVASCRIPT:${RUN}>`,
  `<vbscript:msgbox(1)>`,
  `<data:text/html,<script>${RUN}</script>>`,
  `javascript:${RUN}`,
  // Reference links and images.
  `[ref link][r1]\n\n[r1]: javascript:${RUN}`,
  `[shortcut ref]\n\n[shortcut ref]: &#106;avascript:${RUN}`,
  `![ref image][r2]\n\n[r2]: javascript:${RUN}`,
  `[collapsed][]\n\n[collapsed]: <javascript:${RUN}> "t"`,
  // In other contexts.
  `| a | b |\n|---|---|\n| [cell](javascript:${RUN}) | <img src=x onerror=${RUN}> |`,
  `> [quoted](javascript:${RUN})`,
  `- [listed](javascript:${RUN})`,
  `# [heading](javascript:${RUN})`,
  `\`\`\`html\n<script>${RUN}</script>\n\`\`\``,
  `\`<script>${RUN}</script>\``,
  `[nested [link](javascript:${RUN})](https://example.com)`,
  `[![img](javascript:${RUN})](javascript:${RUN})`,
];

/** The schemes a link may still have after rendering (resolved against the page). */
export const allowedLinkProtocols: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);
export const allowedImageProtocols: ReadonlySet<string> = new Set(['http:', 'https:']);
