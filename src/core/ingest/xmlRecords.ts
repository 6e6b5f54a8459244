/**
 * Streams an XML document with saxes and hands over one record element (`<record>`, `<entry>`) at a
 * time as a small tree, so parsers read fields by name without regexes and memory stays at one record.
 * Well-formedness errors are attached to the record they occur in (so only that record is rejected);
 * errors outside any record become file-level rejections.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { Rejected } from './types';

export interface XmlElement {
  /** Local name, namespace prefix dropped (`arxiv:affiliation` → `affiliation`). */
  local: string;
  uri: string;
  /** Attribute values by local name. */
  attributes: Record<string, string>;
  /** Text directly inside this element (entities decoded, CDATA included). */
  text: string;
  children: XmlElement[];
  /** 1-based line of the start tag. */
  line: number;
}

/** A tracked element as parsed, with the first well-formedness problem found inside it, if any. */
export interface ScannedElement {
  element: XmlElement;
  xmlError: string | null;
}

export interface XmlScanResult {
  /** Local name of the document element, or null when the text holds no XML element at all. */
  root: string | null;
  /** Problems outside any tracked element (file-level). */
  rejected: Rejected[];
}

/**
 * Calls `onElement` for each element whose local name is in `tracked` (outermost only), in document order.
 */
export function scanXmlRecords(
  text: string,
  file: string,
  tracked: ReadonlySet<string>,
  onElement: (scanned: ScannedElement) => void,
): XmlScanResult {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: string | null = null;
  // The open tracked element and its open descendants, innermost last.
  let stack: XmlElement[] = [];
  let currentError: string | null = null;
  let startLine = 0;
  const outsideErrors: { line: number; message: string }[] = [];

  const emit = (xmlError: string | null) => {
    onElement({ element: stack[0], xmlError });
    stack = [];
    currentError = null;
  };

  parser.on('opentagstart', () => {
    // `opentag` fires after the attributes, possibly lines later; remember where the tag began.
    startLine = parser.line;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    root ??= tag.local;
    const attributes: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) attributes[attr.local] = attr.value;
    const element: XmlElement = { local: tag.local, uri: tag.uri, attributes, text: '', children: [], line: startLine };
    if (stack.length > 0) {
      if (tracked.has(tag.local) && tag.local === stack[0].local) {
        // A record opening inside a record: the previous one lost its end tag. Keep the two apart.
        emit(currentError ?? `<${stack[0].local}> is not closed before line ${startLine}`);
      } else {
        stack[stack.length - 1].children.push(element);
        stack.push(element);
        return;
      }
    }
    if (tracked.has(tag.local)) stack = [element];
  });
  parser.on('text', (chunk) => {
    if (stack.length > 0) stack[stack.length - 1].text += chunk;
  });
  parser.on('cdata', (chunk) => {
    if (stack.length > 0) stack[stack.length - 1].text += chunk;
  });
  parser.on('closetag', (tag) => {
    if (stack.length === 0) return;
    if (stack.length === 1 && tag.local === stack[0].local) emit(currentError);
    else if (stack.length > 1) stack.pop();
  });
  parser.on('error', (err) => {
    // saxes prefixes "line:column: "; we say it in words.
    const message = `malformed XML at line ${parser.line}, column ${parser.column + 1}: ${err.message.replace(/^\d+:\d+:\s*/, '').replace(/\.$/, '')}`;
    if (stack.length > 0) currentError ??= message;
    else outsideErrors.push({ line: parser.line, message });
  });

  // A BOM is not XML text; readInputs strips it, but parsers may be called on raw text too.
  parser.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (stack.length > 0) {
    // A truncated file: say so on the record it cut, and skip the "unclosed tag" errors close() would add.
    emit(currentError ?? `<${stack[0].local}> is not closed before the end of the file (truncated?)`);
    parser.on('error', () => {});
  }
  parser.close();

  const rejected: Rejected[] = [];
  if (root === null) {
    rejected.push({ file, line: 0, field: 'xml', reason: 'not an XML document: no element found' });
  } else if (outsideErrors.length > 0) {
    const [first] = outsideErrors;
    const more = outsideErrors.length > 1 ? ` (and ${outsideErrors.length - 1} more XML errors outside records)` : '';
    rejected.push({ file, line: first.line, field: 'xml', reason: first.message + more });
  }
  return { root, rejected };
}

/** First child with this local name. */
export function childOf(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((c) => c.local === local);
}

/** All children with this local name, in document order. */
export function childrenOf(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((c) => c.local === local);
}
