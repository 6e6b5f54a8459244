/** XML text helpers shared by the GEXF and GraphML writers. */

/** Characters XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE/FFFF): a parser rejects the whole file. */
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripInvalidXml(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Escapes for an attribute value or element text; tab and line breaks as references so parsers keep them. */
export function escapeXml(text: string): string {
  return stripInvalidXml(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
