import { WechatProtocolError } from './errors';

/** An inbound message reduced to what the service acts on; every value is the exact string WeChat sent. */
export type InboundMessage =
  | {
      /** A user typed text. */
      type: 'text';
      /** The account's original id, `gh_…`. */
      toUser: string;
      /** The sender's openid. */
      fromUser: string;
      /** Unix seconds, as sent. */
      createTime: string;
      /** 64-bit id, kept a string because it exceeds 2^53. */
      msgId: string;
      /** What the user typed, untrimmed. */
      content: string;
    }
  | {
      /** subscribe, unsubscribe, CLICK, VIEW, SCAN, LOCATION… */
      type: 'event';
      /** The account's original id, `gh_…`. */
      toUser: string;
      /** The user's openid. */
      fromUser: string;
      /** Unix seconds, as sent. */
      createTime: string;
      /** The `Event` value, case as sent (`subscribe`, `CLICK`). */
      event: string;
      /** The `EventKey`, only when it is present and not empty. */
      eventKey?: string;
    }
  | {
      /** image, voice, video, shortvideo, location, link and anything newer. */
      type: 'other';
      /** The raw `MsgType`. */
      msgType: string;
      /** The account's original id, `gh_…`. */
      toUser: string;
      /** The sender's openid. */
      fromUser: string;
      /** Unix seconds, as sent. */
      createTime: string;
      /** The `MsgId`, when the message has one. */
      msgId?: string;
    };

/** Turns parsed fields into an `InboundMessage`; throws `missing_field` when a field its type needs is absent or empty. */
export function toInboundMessage(fields: Record<string, string>): InboundMessage {
  const toUser = required(fields, 'ToUserName');
  const fromUser = required(fields, 'FromUserName');
  const createTime = required(fields, 'CreateTime');
  const msgType = required(fields, 'MsgType');
  switch (msgType) {
    case 'text': {
      if (!Object.hasOwn(fields, 'Content')) throw new WechatProtocolError('missing_field', 'Content is missing');
      return { type: 'text', toUser, fromUser, createTime, msgId: required(fields, 'MsgId'), content: fields['Content'] };
    }
    case 'event': {
      const event = required(fields, 'Event');
      const eventKey = fields['EventKey'];
      return eventKey
        ? { type: 'event', toUser, fromUser, createTime, event, eventKey }
        : { type: 'event', toUser, fromUser, createTime, event };
    }
    default: {
      const msgId = fields['MsgId'];
      return msgId
        ? { type: 'other', msgType, toUser, fromUser, createTime, msgId }
        : { type: 'other', msgType, toUser, fromUser, createTime };
    }
  }
}

/**
 * The key that recognises WeChat's retries of one delivery: `msg:<FromUserName>:<MsgId>` when there is a
 * MsgId (the sender too, because MsgIds have been seen to repeat across users), else
 * `evt:<FromUserName>:<CreateTime>:<Event>[:<EventKey>]`, or `oth:<FromUserName>:<CreateTime>:<MsgType>`.
 */
export function dedupeKey(msg: InboundMessage): string {
  switch (msg.type) {
    case 'text':
      return `msg:${msg.fromUser}:${msg.msgId}`;
    case 'event':
      return msg.eventKey === undefined
        ? `evt:${msg.fromUser}:${msg.createTime}:${msg.event}`
        : `evt:${msg.fromUser}:${msg.createTime}:${msg.event}:${msg.eventKey}`;
    case 'other':
      return msg.msgId === undefined
        ? `oth:${msg.fromUser}:${msg.createTime}:${msg.msgType}`
        : `msg:${msg.fromUser}:${msg.msgId}`;
  }
}

function required(fields: Record<string, string>, name: string): string {
  const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
  if (value === undefined || value === '') throw new WechatProtocolError('missing_field', `${name} is missing`);
  return value;
}
