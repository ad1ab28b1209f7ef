/**
 * Where a template text is kept in the `templates` setting: English under its id (as before
 * languages existed), other languages under `<lang>:<id>`.
 */
export function templateKey(id: string, lang: string): string {
  return lang === 'en' ? id : `${lang}:${id}`;
}
