/**
 * Hostile input for the security suites: known cross-site scripting payloads
 * for the browser tests, and SQL-injection strings for the filter and search
 * parameters. Shared so that every suite throws the same corpus.
 */

/** The global a payload sets when it runs; the browser tests read it after each page. */
export const xssSentinel = '__xss';

/** One known payload: its number is the value it writes to the sentinel (or shows in an alert), so a run names the culprit. */
export interface XssPayload {
  id: number;
  text: string;
}

/**
 * Classic XSS payloads, each written with § where its number goes. They
 * cover script tags, event handlers on many elements, script URLs with case,
 * whitespace and entity tricks, breakouts from attributes and from title,
 * textarea, style and script elements, mutation-XSS forms that change shape
 * when parsed twice, CSS, srcdoc, meta refresh, base, form actions, encoded
 * and unicode-escaped forms, and template-language expressions.
 */
const xssTemplates = [
  // Script elements
  '<script>__xss=§</script>',
  '<ScRiPt>__xss=§</sCrIpT>',
  '<script src=data:,__xss=§></script>',
  '<scr<script>ipt>__xss=§</script>',
  '<svg><script>__xss=§</script></svg>',
  // Event handlers
  '<img src=x onerror=__xss=§>',
  '<img src=x onerror="alert(§)">',
  '<IMG SRC=x OnErRoR=__xss=§>',
  '<img src=x onerror=&#97;lert(§)>',
  '<img/src/onerror=__xss=§>',
  '<img src=x:x onerror=__xss=§//',
  '<svg onload=__xss=§>',
  '<svg/onload=alert(§)>',
  '<svg><animate onbegin=__xss=§ attributeName=x dur=1s>',
  '<body onload=__xss=§>',
  '<body onpageshow=__xss=§>',
  '<details open ontoggle=__xss=§>',
  '<video><source onerror=__xss=§></video>',
  '<audio src=x onerror=__xss=§>',
  '<input autofocus onfocus=__xss=§>',
  '<select autofocus onfocus=__xss=§>',
  '<textarea autofocus onfocus=__xss=§>',
  '<marquee onstart=__xss=§>',
  '<div onmouseover=__xss=§>悬停这里</div>',
  '<b onclick=__xss=§>点击这里</b>',
  '<isindex type=image src=1 onerror=__xss=§>',
  // Script URLs: case, whitespace, entities
  '<a href="javascript:__xss=§">链接</a>',
  '<a href="JaVaScRiPt:alert(§)">链接</a>',
  '<a href="  javascript:__xss=§">链接</a>',
  '<a href="jav&#x09;ascript:__xss=§">链接</a>',
  '<a href="javascript&colon;__xss=§">链接</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;__xss=§">链接</a>',
  '<a href="vbscript:__xss=§">链接</a>',
  '<a href="data:text/html,<script>alert(§)</script>">链接</a>',
  '<svg><a xlink:href="javascript:__xss=§"><text y=20>点</text></a></svg>',
  '<math href="javascript:__xss=§">点</math>',
  '<iframe src="javascript:parent.__xss=§">',
  '<iframe srcdoc="<script>parent.__xss=§</script>">',
  '<iframe srcdoc="&lt;img src=x onerror=parent.__xss=§&gt;">',
  '<object data="javascript:__xss=§">',
  '<object data="data:text/html,<script>alert(§)</script>">',
  '<embed src="javascript:__xss=§">',
  // Breaking out of an attribute or an element
  '"><script>__xss=§</script>',
  "'><img src=x onerror=__xss=§>",
  '" onmouseover="__xss=§',
  "' onfocus='__xss=§' autofocus='",
  '" autofocus onfocus="__xss=§',
  '</title><script>__xss=§</script>',
  '</textarea><script>__xss=§</script>',
  '</style><script>__xss=§</script>',
  '</script><script>__xss=§</script>',
  '--><script>__xss=§</script>',
  // Mutation XSS: harmless when parsed once, live when serialised and parsed again
  '<!--<img src="--><img src=x onerror=__xss=§>">',
  '<noscript><p title="</noscript><img src=x onerror=__xss=§>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss=§>',
  '<template><img src=x onerror=__xss=§></template>',
  '<svg></p><style><a id="</style><img src=1 onerror=__xss=§>">',
  // Forms, meta, base, links, CSS
  '<form action="javascript:__xss=§"><button>提交</button></form>',
  '<button formaction="javascript:__xss=§">按钮</button>',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss=§">',
  '<base href="javascript:__xss=§//">',
  '<link rel=stylesheet href="javascript:__xss=§">',
  '<div style="background:url(javascript:__xss=§)">背景</div>',
  '<div style="width:expression(__xss=§)">宽度</div>',
  '<style>@import "javascript:__xss=§";</style>',
  // Encoded forms that must stay text: URL-encoded, entities, unicode escapes, full-width
  '%3Cscript%3E__xss=§%3C/script%3E',
  '&lt;script&gt;__xss=§&lt;/script&gt;',
  '&#60;img src=x onerror=__xss=§&#62;',
  '\\u003cscript\\u003e__xss=§\\u003c/script\\u003e',
  '\\x3cimg src=x onerror=__xss=§\\x3e',
  '＜script＞__xss=§＜/script＞',
  // Template languages and bare script URLs
  "{{constructor.constructor('__xss=§')()}}",
  '${__xss=§}',
  'javascript:__xss=§',
];

export const xssPayloads: XssPayload[] = xssTemplates.map((template, index) => ({ id: index + 1, text: template.replaceAll('§', String(index + 1)) }));

/**
 * The payloads packed into as few strings as possible, each at most
 * `maxLength` characters (a field's limit), joined by a space. A payload
 * longer than the limit is left out: no record can hold it in that field.
 */
export function packPayloads(maxLength: number, payloads: readonly XssPayload[] = xssPayloads): string[] {
  const packed: string[] = [];
  let current = '';
  for (const { text } of payloads) {
    if (text.length > maxLength) continue;
    const joined = current ? `${current} ${text}` : text;
    if (joined.length <= maxLength) {
      current = joined;
    } else {
      packed.push(current);
      current = text;
    }
  }
  if (current) packed.push(current);
  return packed;
}

/**
 * SQL-injection strings for SQLite and PostgreSQL: quotes and comments,
 * boolean tautologies, UNION SELECT, stacked statements, each dialect's own
 * functions and string syntax, LIKE wildcards, backslashes, placeholders,
 * look-alike unicode quotes, full-text query syntax, and a long string. None contains U+0000 (which
 * PostgreSQL cannot store and the schemas refuse) or starts or ends with
 * white space, so a field stores each one exactly as sent.
 */
export const sqlInjectionStrings = [
  "'",
  "''",
  '"',
  '`',
  "' OR '1'='1",
  "' OR 1=1 --",
  "' OR 1=1 /*",
  '" OR ""="',
  "') OR ('x'='x",
  "1' OR '1'='1' --",
  "' AND 1=0 UNION SELECT username, password_hash FROM users --",
  "' UNION SELECT NULL, sqlite_version() --",
  "' UNION SELECT NULL, version() --",
  "'; DROP TABLE activities; --",
  "'; DELETE FROM orgs; --",
  "1; UPDATE users SET status = 'disabled'",
  "' AND (SELECT COUNT(*) FROM sqlite_master) > 0 --",
  "'; SELECT pg_sleep(3); --",
  "' || (SELECT current_user) || '",
  "$$ OR 1=1 $$",
  "E'\\x27' OR 1=1",
  '%',
  '_',
  '%%',
  '%_%',
  '\\',
  "\\'",
  "\\'; --",
  '\\%',
  '$1',
  '?',
  ':name',
  '科协\' OR \'1\'=\'1',
  '‘ OR ‘1’=‘1',
  'ＯＲ　１＝１',
  // Full-text query syntax (SQLite FTS5, PostgreSQL tsquery), in case a search hands the words on as a query
  '"unterminated',
  'NEAR(a b',
  'a & | b',
  '!!',
  ':*',
  '(((',
  '*',
  "'".repeat(100),
];
