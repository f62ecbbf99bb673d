import { OFFICIAL_VECTOR, textMessageXml, thrownReason } from '../testing';
import { buildTextReply } from './reply';
import { assertNoDeclarations, cdata, decodeXmlText, parseXml, stripInvalidXmlChars } from './xml';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<xml><ToUserName>a</ToUserName><Content>&lol4;</Content></xml>`;

const EXTERNAL_ENTITY = `<?xml version="1.0"?>
<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xml><Content>&xxe;</Content></xml>`;

describe('parseXml', () => {
  it("when given the official sample's decrypted XML, then every field is an exact string", () => {
    const fields = parseXml(OFFICIAL_VECTOR.xml);

    expect(fields).toEqual({
      ToUserName: 'gh_10f6c3c3ac5a',
      FromUserName: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs',
      CreateTime: '1409735668',
      MsgType: 'text',
      Content: 'abcdteT',
      MsgId: '6054768590064713728',
    });
  });

  it('when a 64-bit MsgId or a number with leading zeros arrives, then it is not turned into a number', () => {
    const fields = parseXml('<xml><MsgId>18446744073709551615</MsgId><Code>007</Code><Hex>0x1F</Hex></xml>');

    expect(fields).toEqual({ MsgId: '18446744073709551615', Code: '007', Hex: '0x1F' });
  });

  it('when plain text has surrounding whitespace, then it is trimmed, but CDATA is kept verbatim', () => {
    const fields = parseXml('<xml>\n  <CreateTime>\n 1409735668 \n</CreateTime>\n  <Content>  <![CDATA[  hi  ]]>  </Content>\n</xml>');

    expect(fields).toEqual({ CreateTime: '1409735668', Content: '  hi  ' });
  });

  it('when the body has an XML declaration, a comment or attributes, then they are ignored', () => {
    const fields = parseXml('<?xml version="1.0" encoding="UTF-8"?><!-- from WeChat --><xml><A kind="x">1</A></xml>');

    expect(fields).toEqual({ A: '1' });
  });

  it('when plain text uses predefined entities or character references, then they are decoded', () => {
    const fields = parseXml('<xml><A>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#20013;&#x6587; &#x1F600;</A></xml>');

    expect(fields['A']).toBe('a <b> & "c" \'d\' 中文 😀');
  });

  it('when CDATA holds entity-like text, then it stays literal', () => {
    const fields = parseXml('<xml><A><![CDATA[&amp; &lt;]]></A></xml>');

    expect(fields['A']).toBe('&amp; &lt;');
  });

  it('when CDATA is empty or the element is self-closing, then the field is an empty string', () => {
    const fields = parseXml('<xml><EventKey><![CDATA[]]></EventKey><Empty/></xml>');

    expect(fields).toEqual({ EventKey: '', Empty: '' });
  });

  it('when the root is an empty <xml/>, then there are no fields', () => {
    expect(parseXml('<xml/>')).toEqual({});
  });

  it('when the billion-laughs DOCTYPE arrives, then it throws malformed_xml', () => {
    expect(thrownReason(() => parseXml(BILLION_LAUGHS))).toBe('malformed_xml');
  });

  it('when an external entity DOCTYPE arrives, then it throws malformed_xml', () => {
    expect(thrownReason(() => parseXml(EXTERNAL_ENTITY))).toBe('malformed_xml');
  });

  it('when a DOCTYPE is present but harmless on its own, then it is still refused', () => {
    expect(thrownReason(() => parseXml('<!DOCTYPE xml [<!ENTITY a "b">]><xml><A>1</A></xml>'))).toBe('malformed_xml');
    expect(thrownReason(() => parseXml('<!DOCTYPE xml><xml><A>1</A></xml>'))).toBe('malformed_xml');
  });

  it('when a declaration hides in lower case, inside the root, or behind a comment that mimics CDATA, then it throws malformed_xml', () => {
    expect(thrownReason(() => parseXml('<!doctype xml><xml/>'))).toBe('malformed_xml');
    expect(thrownReason(() => parseXml('<xml><!ENTITY a "b"><A>1</A></xml>'))).toBe('malformed_xml');
    expect(thrownReason(() => parseXml('<xml><!ELEMENT a ANY><A>1</A></xml>'))).toBe('malformed_xml');
    expect(thrownReason(() => parseXml('<!-- <![CDATA[ --><!DOCTYPE x [<!ENTITY a "b">]><!-- ]]> --><xml/>'))).toBe('malformed_xml');
  });

  it('when a user types "<!DOCTYPE html>" inside CDATA, then the message is accepted as text', () => {
    const body = textMessageXml({ content: '<!DOCTYPE html><!ENTITY x "y">' });

    const fields = parseXml(body);

    expect(fields['Content']).toBe('<!DOCTYPE html><!ENTITY x "y">');
  });

  it('when an undeclared entity is used, then it throws malformed_xml', () => {
    expect(thrownReason(() => parseXml('<xml><A>&lol;</A></xml>'))).toBe('malformed_xml');
    expect(thrownReason(() => parseXml('<xml><A>&#0;</A></xml>'))).toBe('malformed_xml');
    expect(thrownReason(() => parseXml('<xml><A>&#xD800;</A></xml>'))).toBe('malformed_xml');
  });

  it('when an entity is named after an Object property, then it is unknown too, not the property', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(thrownReason(() => parseXml(`<xml><A>a&${name};b</A></xml>`))).withContext(name).toBe('malformed_xml');
    }
  });

  it('when the XML is broken, then it throws malformed_xml', () => {
    for (const broken of [
      '',
      'success',
      '<xml><A>1</A>',
      '<xml><A>1</B></xml>',
      '<xml><A>a & b</A></xml>',
      '<xml><A><![CDATA[never closed</A></xml>',
      '<xml><A>1</A></xml><xml><A>2</A></xml>',
      '{"ToUserName":"gh_1"}',
    ]) {
      expect(thrownReason(() => parseXml(broken))).withContext(broken).toBe('malformed_xml');
    }
  });

  it('when the root element is not <xml>, then it throws malformed_xml', () => {
    expect(thrownReason(() => parseXml('<root><A>1</A></root>'))).toBe('malformed_xml');
    expect(thrownReason(() => parseXml('<XML><A>1</A></XML>'))).toBe('malformed_xml');
  });

  it('when a field appears twice, then it throws malformed_xml rather than pick one', () => {
    expect(thrownReason(() => parseXml('<xml><MsgType>text</MsgType><MsgType>event</MsgType></xml>'))).toBe('malformed_xml');
  });

  it('when a field is named __proto__ or constructor, then it throws malformed_xml and no prototype is touched', () => {
    expect(thrownReason(() => parseXml('<xml><__proto__><polluted>1</polluted></__proto__></xml>'))).toBe('malformed_xml');
    expect(thrownReason(() => parseXml('<xml><constructor>1</constructor></xml>'))).toBe('malformed_xml');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('when a field has nested elements, then it is kept without their content and the flat fields still parse', () => {
    const fields = parseXml('<xml><MsgType>event</MsgType><ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo></xml>');

    expect(fields).toEqual({ MsgType: 'event', ScanCodeInfo: '' });
  });

  it('when the body is not a string at run time, then it throws malformed_xml', () => {
    expect(thrownReason(() => parseXml(undefined as unknown as string))).toBe('malformed_xml');
  });
});

describe('assertNoDeclarations', () => {
  it('when comments and CDATA are the only "<!" constructs, then it passes', () => {
    expect(() => assertNoDeclarations('<!-- c --><xml><A><![CDATA[<!DOCTYPE]]></A></xml>')).not.toThrow();
  });

  it('when a comment is not closed, then it throws malformed_xml', () => {
    expect(thrownReason(() => assertNoDeclarations('<xml><!-- open</xml>'))).toBe('malformed_xml');
  });
});

describe('decodeXmlText', () => {
  it('when text has no "&", then it is unchanged', () => {
    expect(decodeXmlText('工件 18-546')).toBe('工件 18-546');
  });

  it('when a reference lacks its ";", then it throws malformed_xml', () => {
    expect(thrownReason(() => decodeXmlText('a &amp b'))).toBe('malformed_xml');
  });
});

describe('cdata', () => {
  it('when the value is plain, then it is wrapped once', () => {
    expect(cdata('工件 <18-546> & co')).toBe('<![CDATA[工件 <18-546> & co]]>');
  });

  it('when the value contains "]]>", then each one is split across two sections', () => {
    expect(cdata('a]]>b]]>')).toBe('<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>]]>');
  });

  it('when the value holds characters XML cannot carry, then they are dropped', () => {
    expect(cdata('a\u0000b\u0008c\u001Fd\uFFFFe\uD800f\tg\nh')).toBe('<![CDATA[abcdef\tg\nh]]>');
  });

  it('when a reply carries tricky content, then parsing it back gives the identical text', () => {
    for (const content of [
      ']]>',
      'a]]>b',
      ']]]]>',
      ']]>]]>]]>',
      '<![CDATA[x]]>',
      ']]',
      ']>',
      '&amp; &lt; <b>',
      '  中文 ]]> 😀👨‍👩‍👧  ',
      '',
    ]) {
      const reply = buildTextReply({ toUser: 'o1', fromUser: 'gh_1', createTimeSeconds: 1_409_735_668, content });

      const parsed = parseXml(reply);

      expect(parsed['Content']).withContext(JSON.stringify(content)).toBe(content);
    }
  });
});

describe('stripInvalidXmlChars', () => {
  it('when a surrogate pair is whole, then it is kept; when alone, it is dropped', () => {
    expect(stripInvalidXmlChars('😀')).toBe('😀');
    expect(stripInvalidXmlChars('x\uDE00y\uD83D')).toBe('xy');
  });
});
