import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { WechatProtocolError } from './errors';

const CDATA_KEY = '#cdata';
const TEXT_KEY = '#text';

// Entities stay unexpanded in the parser (no DTD, no billion laughs); the five predefined ones and character
// references in plain text are decoded by decodeXmlText below instead.
const parser = new XMLParser({
  preserveOrder: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  trimValues: true,
  cdataPropName: CDATA_KEY,
  commentPropName: false,
  // No callback reads the path; building its string for every tag is wasted work.
  jPath: false,
});

const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

// Characters XML 1.0 forbids even inside CDATA: C0 controls except tab/LF/CR, U+FFFE/U+FFFF and lone surrogates.
// Matching control characters is the point here, hence the lint exception.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

type OrderedNode = Record<string, unknown>;

/**
 * Throws `malformed_xml` when `body` declares anything with `<!` outside comments and CDATA (DOCTYPE, ENTITY,
 * ELEMENT…), so no DTD ever reaches the parser; `<!DOCTYPE` typed by a user inside CDATA stays allowed.
 */
export function assertNoDeclarations(body: string): void {
  let i = body.indexOf('<!');
  while (i !== -1) {
    let end: number;
    if (body.startsWith('<!--', i)) {
      end = body.indexOf('-->', i + 4);
      if (end === -1) throw new WechatProtocolError('malformed_xml', 'comment is not closed');
      end += 3;
    } else if (body.startsWith('<![CDATA[', i)) {
      end = body.indexOf(']]>', i + 9);
      if (end === -1) throw new WechatProtocolError('malformed_xml', 'CDATA is not closed');
      end += 3;
    } else {
      throw new WechatProtocolError('malformed_xml', 'DOCTYPE and other declarations are not allowed');
    }
    i = body.indexOf('<!', end);
  }
}

/** Decodes the five predefined XML entities and character references; anything else is `malformed_xml`. */
export function decodeXmlText(text: string): string {
  return text.replace(/&([^;&\s]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new WechatProtocolError('malformed_xml', 'bare & in text');
    // Own keys only: `&constructor;` must not find Object.prototype's.
    if (Object.hasOwn(PREDEFINED_ENTITIES, name)) return PREDEFINED_ENTITIES[name];
    const ref = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
    const codePoint = ref ? parseInt(ref[1] ?? ref[2], ref[1] ? 16 : 10) : NaN;
    const char = codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '';
    if (!char || char.replace(INVALID_XML_CHARS, '') !== char) {
      throw new WechatProtocolError('malformed_xml', `unknown entity &${name.slice(0, 16)};`);
    }
    return char;
  });
}

/** Drops the characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE/U+FFFF, lone surrogates). */
export function stripInvalidXmlChars(value: string): string {
  return value.replace(INVALID_XML_CHARS, '');
}

/**
 * Parses a WeChat body into its flat `<xml>` children as exact strings (CDATA unwrapped and kept verbatim,
 * plain text trimmed and entity-decoded, numbers never parsed); throws `malformed_xml` for anything else.
 */
export function parseXml(body: string): Record<string, string> {
  if (typeof body !== 'string') throw new WechatProtocolError('malformed_xml', 'body is not a string');
  assertNoDeclarations(body);
  const validation = XMLValidator.validate(body);
  if (validation !== true) {
    throw new WechatProtocolError('malformed_xml', `invalid XML: ${validation.err.msg}`);
  }
  let document: OrderedNode[];
  try {
    document = parser.parse(body) as OrderedNode[];
  } catch (error) {
    throw new WechatProtocolError('malformed_xml', `invalid XML: ${(error as Error).message}`);
  }
  const roots = document.filter((node) => !Object.keys(node).some((name) => name.startsWith('?')));
  if (roots.length !== 1 || !Array.isArray(roots[0]['xml'])) {
    throw new WechatProtocolError('malformed_xml', 'root element must be <xml>');
  }
  const fields: Record<string, string> = Object.create(null);
  for (const child of roots[0]['xml'] as OrderedNode[]) {
    const name = elementName(child);
    if (name === undefined) continue;
    // WeChat never repeats a top-level field; a repeated one could make two readers disagree, so refuse it.
    if (Object.hasOwn(fields, name)) throw new WechatProtocolError('malformed_xml', `duplicate <${name}>`);
    fields[name] = textOf(child[name] as OrderedNode[]);
  }
  return { ...fields };
}

/** Wraps `value` in CDATA, splitting any `]]>` across two sections and dropping characters XML cannot carry. */
export function cdata(value: string): string {
  return `<![CDATA[${stripInvalidXmlChars(value).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== TEXT_KEY && key !== CDATA_KEY);
}

// Concatenates the element's own text and CDATA in document order; nested elements (e.g. PicList items) are
// not flattened, since no field this service reads is nested.
function textOf(children: OrderedNode[]): string {
  let text = '';
  for (const node of children) {
    if (TEXT_KEY in node) text += decodeXmlText(String(node[TEXT_KEY]));
    else if (CDATA_KEY in node) {
      for (const part of node[CDATA_KEY] as OrderedNode[]) text += String(part[TEXT_KEY] ?? '');
    }
  }
  return text;
}
