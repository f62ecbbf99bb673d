import type { Express } from 'express';
import { IncomingMessage, type Server, ServerResponse, createServer } from 'node:http';
import type { Socket } from 'node:net';

/**
 * An HTTP server for `app` whose requests and responses are created with the app's own
 * prototypes. Express re-parents every `req` and `res` with `Object.setPrototypeOf`, which throws
 * away V8's optimised shapes for both objects; when they already have that prototype the call
 * changes nothing, and the webhook costs about half the CPU per message (expressjs/express#5998).
 */
export function createHttpServer(app: Express): Server {
  // Reflect.construct runs Node's constructors (classes or not) and gives the object our prototype.
  function AppRequest(socket: Socket): IncomingMessage {
    return Reflect.construct(IncomingMessage, [socket], AppRequest);
  }
  AppRequest.prototype = app.request;
  function AppResponse(req: IncomingMessage, options?: object): ServerResponse {
    return Reflect.construct(ServerResponse, [req, options], AppResponse);
  }
  AppResponse.prototype = app.response;
  return createServer(
    {
      IncomingMessage: AppRequest as unknown as typeof IncomingMessage,
      ServerResponse: AppResponse as unknown as typeof ServerResponse,
    },
    app,
  );
}
