/** The book's language as a `lang` attribute, if it is a plausible BCP 47 tag (the file's metadata is untrusted). */
export function bookLang(language: string | null): string | undefined {
  return language && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(language) ? language : undefined;
}
