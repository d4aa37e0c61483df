/**
 * The light, server-rendered pages a phone sees after scanning the QR code: the title with a
 * Download button, the short-code form, and the page for a link that no longer works.
 * Every text from an e-book file is escaped.
 */
import { PHONE } from '../../shared/api/routes';
import type { Language } from '../../shared/api/schemas';
import type { TicketRedeemRefusal } from '../../shared/ebooks/codes';
import { formatFileSize } from '../../shared/ebooks/file-size';
import { translatorFor, type Translate } from '../../shared/i18n';
import { escapeXml } from '../http/escape-xml';
import { coverUrlOf, type EbookRecord } from './ebook-catalogue';

const STYLE = `
body{margin:0;font:18px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;color:#1a1a1a;background:#f6f4ef}
main{max-width:32rem;margin:0 auto;padding:1.25rem}
h1{font-size:1.5rem;line-height:1.3;margin:.5rem 0}
img{display:block;width:60%;max-width:14rem;margin:0 auto 1rem;border-radius:6px;box-shadow:0 2px 8px #0003}
.meta{color:#444;margin:.25rem 0}
.button{display:block;box-sizing:border-box;width:100%;min-height:64px;margin:1.25rem 0;padding:1rem;border:0;border-radius:12px;
background:#0b5394;color:#fff;font:inherit;font-size:1.25rem;font-weight:bold;text-align:center;text-decoration:none}
input{box-sizing:border-box;width:100%;min-height:64px;font:inherit;font-size:1.75rem;letter-spacing:.3em;text-align:center;text-transform:uppercase;
border:2px solid #555;border-radius:12px}
.tips{background:#fff;border-radius:12px;padding:.75rem 1rem;color:#333}
.tips h2{font-size:1.1rem;margin:.25rem 0}
.in-app{background:#fff8e1;border:3px solid #b26a00;border-radius:12px;padding:.75rem 1rem;margin:0 0 1rem}
.in-app h2{font-size:1.25rem;margin:.25rem 0}
.in-app .step{font-size:1.3rem;font-weight:bold;margin:.5rem 0}
.in-app svg{display:block;width:100%;max-width:20rem;height:auto;margin:.5rem auto}
.short-code{font:bold 2.75rem/1.2 ui-monospace,Menlo,monospace;letter-spacing:.2em;text-align:center;margin:.5rem 0;color:#000}
.url{word-break:break-all;font-weight:bold}
.due{background:#fff;border-radius:12px;padding:.5rem 1rem;margin:.75rem 0}
.due h2{font-size:1.3rem;margin:.25rem 0;color:#7a2e00}
.due ul{list-style:none;padding:0;margin:0}.due li{padding:.4rem 0;border-top:1px solid #ddd}
.due li:first-child{border-top:0}.barcode{color:#555;font-size:.9rem}
`;

/** The HTML shell of every page a phone sees (the receipt pages too): one stylesheet, no scripts. */
export function page(language: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeXml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>
${body}
</main></body>
</html>`;
}

function readingTips(t: Translate): string {
  return `<section class="tips"><h2>${t('phone.tips.title')}</h2><p>${t('phone.tips.apple')}</p><p>${t('phone.tips.android')}</p></section>`;
}

/**
 * A drawing of an in-app browser's top bar with its ··· button ringed, and the menu it opens with
 * the "open in browser" entry (a compass) marked. Shapes only: the words are the page's text.
 */
function inAppDrawing(t: Translate): string {
  return `<svg viewBox="0 0 320 200" role="img" aria-label="${escapeXml(t('phone.inApp.drawing'))}" xmlns="http://www.w3.org/2000/svg">
<rect x="4" y="4" width="312" height="192" rx="18" fill="#fff" stroke="#333" stroke-width="4"/>
<rect x="4" y="4" width="312" height="44" rx="18" fill="#ededed"/>
<path d="M22 26l10-10M22 26l10 10" stroke="#333" stroke-width="4" fill="none" stroke-linecap="round"/>
<rect x="80" y="20" width="120" height="12" rx="6" fill="#bbb"/>
<circle cx="262" cy="26" r="4.5" fill="#111"/><circle cx="276" cy="26" r="4.5" fill="#111"/><circle cx="290" cy="26" r="4.5" fill="#111"/>
<circle cx="276" cy="26" r="24" fill="none" stroke="#d0021b" stroke-width="4"/>
<path d="M276 54v22" stroke="#d0021b" stroke-width="4" stroke-linecap="round"/><path d="M268 68l8 10 8-10" stroke="#d0021b" stroke-width="4" fill="none" stroke-linecap="round"/>
<rect x="150" y="84" width="156" height="100" rx="10" fill="#f7f7f7" stroke="#999" stroke-width="2"/>
<rect x="160" y="94" width="136" height="36" rx="8" fill="#fff" stroke="#d0021b" stroke-width="4"/>
<circle cx="182" cy="112" r="11" fill="none" stroke="#0b5394" stroke-width="3"/><path d="M187 107l-3 8-7 2 3-8z" fill="#0b5394"/>
<rect x="202" y="107" width="82" height="10" rx="5" fill="#555"/>
<circle cx="182" cy="156" r="10" fill="#ccc"/><rect x="202" y="151" width="70" height="10" rx="5" fill="#ccc"/>
</svg>`;
}

/** What a patron in an app that does not download sees first: how to leave it, and the code to type elsewhere. */
export interface InAppHint {
  shortCode: string;
  /** The short-code form's full address, to type into another browser. */
  codeFormUrl: string;
}

function inAppSection(t: Translate, { shortCode, codeFormUrl }: InAppHint): string {
  const [before = '', after = ''] = t('phone.inApp.code', { url: '\u0000' }).split('\u0000');
  return `<section class="in-app" data-testid="in-app-hint">
<h2>${t('phone.inApp.title')}</h2>
${inAppDrawing(t)}
<p class="step">${t('phone.inApp.step')}</p>
<p>${escapeXml(before)}<span class="url" translate="no">${escapeXml(codeFormUrl)}</span>${escapeXml(after)}</p>
<p class="short-code" data-testid="short-code" translate="no">${escapeXml(shortCode)}</p>
</section>`;
}

export function ebookPage(language: Language, ebook: EbookRecord, fileUrl: string, downloadsLeft: number, inApp: InAppHint | null = null): string {
  const t = translatorFor(language);
  const cover = ebook.coverPath ? `<img src="${escapeXml(coverUrlOf(ebook))}" alt="">` : '';
  const authors = ebook.authors.length > 0 ? `<p class="meta">${escapeXml(t('phone.by', { authors: ebook.authors.join(', ') }))}</p>` : '';
  return page(
    language,
    `${ebook.title} · ${t('phone.title')}`,
    `${inApp ? inAppSection(t, inApp) : ''}${cover}
<h1>${escapeXml(ebook.title)}</h1>
${authors}
<p class="meta">${escapeXml(t('phone.size', { size: formatFileSize(ebook.sizeBytes, language) }))}</p>
<a class="button" href="${escapeXml(fileUrl)}" download>${t('phone.download')}</a>
<p class="meta">${t('phone.downloadsLeft', { count: downloadsLeft })}</p>
${readingTips(t)}`,
  );
}

export function shortCodePage(language: Language): string {
  const t = translatorFor(language);
  return page(
    language,
    t('phone.code.title'),
    `<h1>${t('phone.code.title')}</h1>
<form method="get" action="${PHONE.shortCodeForm}">
<label for="code"><p>${t('phone.code.hint')}</p></label>
<input id="code" name="code" aria-label="${t('phone.code.label')}" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="12" required autofocus>
<button class="button" type="submit">${t('phone.code.submit')}</button>
</form>
${readingTips(t)}`,
  );
}

export function problemPage(language: Language, code: TicketRedeemRefusal): string {
  const t = translatorFor(language);
  return page(
    language,
    t('phone.problem.title'),
    `<h1>${t('phone.problem.title')}</h1>
<p data-code="${code}">${t(`phone.${code}`)}</p>
<p>${t('phone.problem.again')}</p>
<a class="button" href="${PHONE.shortCodeForm}">${t('phone.code.title')}</a>`,
  );
}
