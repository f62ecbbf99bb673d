import { isWechatProtocolError, WechatProtocolError } from './errors';

describe('WechatProtocolError', () => {
  it('when created with only a reason, then the reason is also the message and the name says what it is', () => {
    const error = new WechatProtocolError('bad_signature');

    expect(error).toBeInstanceOf(Error);
    expect(error.reason).toBe('bad_signature');
    expect(error.message).toBe('bad_signature');
    expect(error.name).toBe('WechatProtocolError');
  });

  it('when narrowed with isWechatProtocolError, then the reason filter applies and other errors are rejected', () => {
    const error: unknown = new WechatProtocolError('stale_timestamp', 'too old');

    expect(isWechatProtocolError(error)).toBeTrue();
    expect(isWechatProtocolError(error, 'stale_timestamp')).toBeTrue();
    expect(isWechatProtocolError(error, 'bad_signature')).toBeFalse();
    expect(isWechatProtocolError(new Error('stale_timestamp'))).toBeFalse();
  });
});
