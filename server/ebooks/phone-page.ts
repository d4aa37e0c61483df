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
`;

function page(language: Language, title: string, body: string): string {
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

export function ebookPage(language: Language, ebook: EbookRecord, fileUrl: string, downloadsLeft: number): string {
  const t = translatorFor(language);
  const cover = ebook.coverPath ? `<img src="${escapeXml(coverUrlOf(ebook))}" alt="">` : '';
  const authors = ebook.authors.length > 0 ? `<p class="meta">${escapeXml(t('phone.by', { authors: ebook.authors.join(', ') }))}</p>` : '';
  return page(
    language,
    `${ebook.title} · ${t('phone.title')}`,
    `${cover}
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
