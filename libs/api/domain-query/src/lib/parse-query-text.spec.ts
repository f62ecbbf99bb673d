import { MAX_CODES_PER_QUERY, parseQueryText, type ParsedQuery } from './parse-query-text';

function normalizedOf(parsed: ParsedQuery): string[] {
  if (parsed.kind !== 'codes') throw new Error(`expected codes, got ${parsed.kind}`);
  return parsed.codes.map((code) => code.normalized);
}

describe('parseQueryText', () => {
  const helpTexts = ['帮助', 'help', 'HELP', ' Help ', 'ｈｅｌｐ', '?', '？', '', '   ', '?帮助', '帮助？', '查询', '？？'];
  for (const text of [...helpTexts, '你好', '谢谢！']) {
    it(`when the text is ${JSON.stringify(text)}, then it asks for help`, () => {
      expect(parseQueryText(text)).toEqual({ kind: 'help' });
    });
  }

  it('when one code follows a question mark, then that code is asked with its raw and normalized forms', () => {
    expect(parseQueryText('?18-546')).toEqual({
      kind: 'codes',
      codes: [{ raw: '18-546', normalized: '18-546' }],
      dropped: 0,
    });
  });

  it('when the code is typed full-width after a full-width question mark, then it is normalized', () => {
    expect(parseQueryText('？１８－５４６')).toEqual({
      kind: 'codes',
      codes: [{ raw: '１８－５４６', normalized: '18-546' }],
      dropped: 0,
    });
  });

  it('when there is no question mark, then the text is still read as codes', () => {
    expect(normalizedOf(parseQueryText('18-546'))).toEqual(['18-546']);
  });

  it('when the text starts with 查 or 查询, then the verb is skipped', () => {
    expect(normalizedOf(parseQueryText('查18-546'))).toEqual(['18-546']);
    expect(normalizedOf(parseQueryText('?查询：18-546'))).toEqual(['18-546']);
    expect(normalizedOf(parseQueryText('查询 18-546'))).toEqual(['18-546']);
  });

  it('when codes are separated by every kind of separator, then each is asked once in order', () => {
    const text = '?a1 a2\u3000a3,a4，a5、a6;a7；a8\na9\r\na10';

    expect(normalizedOf(parseQueryText(text))).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10']);
  });

  it('when separators repeat or trail, then no empty code is asked', () => {
    expect(normalizedOf(parseQueryText('?18-546,, ,，18-547,'))).toEqual(['18-546', '18-547']);
  });

  it('when codes repeat in different spellings, then the first spelling is kept in first order', () => {
    const parsed = parseQueryText('?18-547 18-546 １８－５４７ 18—546');

    expect(parsed).toEqual({
      kind: 'codes',
      codes: [
        { raw: '18-547', normalized: '18-547' },
        { raw: '18-546', normalized: '18-546' },
      ],
      dropped: 0,
    });
  });

  it('when more than ten distinct codes are sent, then ten are asked and the rest counted as dropped', () => {
    const codes = Array.from({ length: 13 }, (_, i) => `c${i + 1}`);

    const parsed = parseQueryText(`?${codes.join(' ')} c1 c2`);

    expect(normalizedOf(parsed)).toEqual(codes.slice(0, MAX_CODES_PER_QUERY).map((c) => c.toUpperCase()));
    expect(parsed.kind === 'codes' && parsed.dropped).toBe(3);
  });

  it('when a code contains a plain space, then the space separates two codes', () => {
    expect(normalizedOf(parseQueryText('?18 546'))).toEqual(['18', '546']);
  });

  it('when spaces surround a dash, then the pieces stay one code', () => {
    expect(normalizedOf(parseQueryText('?18 - 546, 18- 547 18 —548'))).toEqual(['18-546', '18-547', '18-548']);
  });

  it('when a dash stands alone between separators, then it is not asked', () => {
    expect(normalizedOf(parseQueryText('?18-546, -'))).toEqual(['18-546']);
  });

  it('when a question mark trails the code, then it is not part of the code', () => {
    expect(normalizedOf(parseQueryText('18-546？'))).toEqual(['18-546']);
  });

  it('when a message mixes words with a code, then only the code is asked', () => {
    expect(normalizedOf(parseQueryText('你好 18-546'))).toEqual(['18-546']);
  });

  const phrasings = ['18-546在哪？', '工件：18-546', '请问18-546在哪里', '查一下18-546', '“18-546”', '18-546号', '18-546。', '18-546.', '#18-546!', '（18-546）'];
  for (const text of phrasings) {
    it(`when the code is asked as ${JSON.stringify(text)}, then 18-546 alone is asked, as typed`, () => {
      expect(parseQueryText(text)).toEqual({ kind: 'codes', codes: [{ raw: '18-546', normalized: '18-546' }], dropped: 0 });
    });
  }

  it('when two codes are joined by a word, then both are asked', () => {
    expect(normalizedOf(parseQueryText('18-546及18-547'))).toEqual(['18-546', '18-547']);
    expect(normalizedOf(parseQueryText('查18-546 查18-547'))).toEqual(['18-546', '18-547']);
  });

  it('when a code holds dots, slashes or underscores inside, then they stay part of it', () => {
    expect(normalizedOf(parseQueryText('?A1.2/3_4．'))).toEqual(['A1.2/3_4']);
  });

  it('when a line break follows a dash, then it still separates', () => {
    expect(normalizedOf(parseQueryText('18-\n546'))).toEqual(['18-', '546']);
  });
});
