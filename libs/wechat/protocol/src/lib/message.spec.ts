import { eventXml, OFFICIAL_VECTOR, textMessageXml, thrownReason } from '../testing';
import { dedupeKey, type InboundMessage, toInboundMessage } from './message';
import { parseXml } from './xml';

const HEADER = { ToUserName: 'gh_1', FromUserName: 'o_user', CreateTime: '1409735668' };

describe('toInboundMessage', () => {
  it("when given the official sample's fields, then it is a text message with the exact MsgId", () => {
    const fields = parseXml(OFFICIAL_VECTOR.xml);

    const message = toInboundMessage(fields);

    expect(message).toEqual({
      type: 'text',
      toUser: 'gh_10f6c3c3ac5a',
      fromUser: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs',
      createTime: '1409735668',
      msgId: '6054768590064713728',
      content: 'abcdteT',
    });
  });

  it('when a text message has empty content, then it is kept as an empty string', () => {
    const message = toInboundMessage({ ...HEADER, MsgType: 'text', MsgId: '1', Content: '' });

    expect(message).toEqual(jasmine.objectContaining({ type: 'text', content: '' }));
  });

  it('when a CLICK event has an EventKey, then the key is kept', () => {
    const fields = parseXml(eventXml({ event: 'CLICK', eventKey: 'MENU_FIND' }));

    const message = toInboundMessage(fields);

    expect(message).toEqual({
      type: 'event',
      toUser: 'gh_10f6c3c3ac5a',
      fromUser: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs',
      createTime: '1409735668',
      event: 'CLICK',
      eventKey: 'MENU_FIND',
    });
  });

  it('when a subscribe event has an empty EventKey, then eventKey is left out', () => {
    const message = toInboundMessage({ ...HEADER, MsgType: 'event', Event: 'subscribe', EventKey: '' });

    expect(message).toEqual({ type: 'event', toUser: 'gh_1', fromUser: 'o_user', createTime: '1409735668', event: 'subscribe' });
  });

  it('when an image arrives, then it is "other" with its MsgType and MsgId', () => {
    const message = toInboundMessage({ ...HEADER, MsgType: 'image', PicUrl: 'http://x', MediaId: 'm', MsgId: '42' });

    expect(message).toEqual({ type: 'other', msgType: 'image', toUser: 'gh_1', fromUser: 'o_user', createTime: '1409735668', msgId: '42' });
  });

  it('when an unknown type has no MsgId, then msgId is left out', () => {
    const message = toInboundMessage({ ...HEADER, MsgType: 'newthing' });

    expect(message).toEqual({ type: 'other', msgType: 'newthing', toUser: 'gh_1', fromUser: 'o_user', createTime: '1409735668' });
  });

  it('when any header field is missing or empty, then it throws missing_field', () => {
    for (const name of ['ToUserName', 'FromUserName', 'CreateTime', 'MsgType'] as const) {
      const fields: Record<string, string> = { ...HEADER, MsgType: 'text', MsgId: '1', Content: 'x' };
      const withoutField = { ...fields };
      delete withoutField[name];

      expect(thrownReason(() => toInboundMessage(withoutField))).withContext(`${name} missing`).toBe('missing_field');
      expect(thrownReason(() => toInboundMessage({ ...fields, [name]: '' }))).withContext(`${name} empty`).toBe('missing_field');
    }
  });

  it('when a text message lacks MsgId or Content, then it throws missing_field', () => {
    expect(thrownReason(() => toInboundMessage({ ...HEADER, MsgType: 'text', Content: 'x' }))).toBe('missing_field');
    expect(thrownReason(() => toInboundMessage({ ...HEADER, MsgType: 'text', MsgId: '1' }))).toBe('missing_field');
  });

  it('when an event lacks Event, then it throws missing_field', () => {
    expect(thrownReason(() => toInboundMessage({ ...HEADER, MsgType: 'event' }))).toBe('missing_field');
  });
});

describe('dedupeKey', () => {
  it('when the message is text, then the key is its sender and MsgId', () => {
    const message = toInboundMessage(parseXml(textMessageXml({ content: 'x', fromUser: 'o_user', msgId: '6054768590064713728' })));

    expect(dedupeKey(message)).toBe('msg:o_user:6054768590064713728');
  });

  it('when the event has a key, then the key has sender, time, event and event key', () => {
    const message: InboundMessage = { type: 'event', toUser: 'gh_1', fromUser: 'o_user', createTime: '100', event: 'CLICK', eventKey: 'K' };

    expect(dedupeKey(message)).toBe('evt:o_user:100:CLICK:K');
  });

  it('when the event has no key, then the key ends at the event', () => {
    const message: InboundMessage = { type: 'event', toUser: 'gh_1', fromUser: 'o_user', createTime: '100', event: 'subscribe' };

    expect(dedupeKey(message)).toBe('evt:o_user:100:subscribe');
  });

  it('when an "other" message has a MsgId, then the key is sender and MsgId; without one, sender, time and type', () => {
    const withId: InboundMessage = { type: 'other', msgType: 'image', toUser: 'gh_1', fromUser: 'o_user', createTime: '100', msgId: '7' };
    const withoutId: InboundMessage = { type: 'other', msgType: 'location', toUser: 'gh_1', fromUser: 'o_user', createTime: '100' };

    expect(dedupeKey(withId)).toBe('msg:o_user:7');
    expect(dedupeKey(withoutId)).toBe('oth:o_user:100:location');
  });

  it('when WeChat retries the same delivery, then both copies give the same key', () => {
    const body = eventXml({ event: 'CLICK', eventKey: 'MENU_FIND', createTime: '1409735700' });

    const first = dedupeKey(toInboundMessage(parseXml(body)));
    const retry = dedupeKey(toInboundMessage(parseXml(body)));

    expect(retry).toBe(first);
  });
});
