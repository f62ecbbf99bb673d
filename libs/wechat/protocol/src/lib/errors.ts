/** Why a WeChat request was refused; the HTTP adapter maps each reason to a status and a log line. */
export type WechatProtocolErrorReason =
  | 'bad_signature'
  | 'stale_timestamp'
  | 'malformed_xml'
  | 'bad_aes_key'
  | 'decrypt_failed'
  | 'appid_mismatch'
  | 'missing_field';

/** The one error this library throws for anything a request (or a key) got wrong. */
export class WechatProtocolError extends Error {
  /** Stable machine reason; the message is for logs only and never contains a secret. */
  readonly reason: WechatProtocolErrorReason;

  constructor(reason: WechatProtocolErrorReason, message: string = reason) {
    super(message);
    this.name = 'WechatProtocolError';
    this.reason = reason;
  }
}

/** Narrows `error` to a `WechatProtocolError`, optionally of one `reason`. */
export function isWechatProtocolError(
  error: unknown,
  reason?: WechatProtocolErrorReason,
): error is WechatProtocolError {
  return error instanceof WechatProtocolError && (reason === undefined || error.reason === reason);
}
