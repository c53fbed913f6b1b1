import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { readBody } from './read-body.ts';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export interface ServeOptions {
  /** Awaited before the answer goes back: the work left for after it, so a local caller sees its effects once answered. */
  settled?: () => Promise<void>;
}

/**
 * Serves a Lambda handler over plain HTTP on loopback: each request becomes the API Gateway
 * HTTP API (payload 2.0) event the deployed function receives, and the result goes back as is.
 */
export async function serveLambda(handler: Handler, port: number, options: ServeOptions = {}): Promise<{ url: string; server: Server }> {
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const result = await handler(toEvent(req, await readBody(req)), localContext());
      await options.settled?.();
      // Payload 2.0 answers cookies in their own list; each is one Set-Cookie header.
      res.writeHead(result.statusCode ?? 200, { ...stringHeaders(result.headers), ...(result.cookies?.length ? { 'set-cookie': result.cookies } : {}) });
      res.end(result.body ?? '');
    } catch (error) {
      console.error(error);
      res.writeHead(500).end();
    }
  };
  const server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function toEvent(req: IncomingMessage, body: string): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? '/', 'http://localhost');
  // As API Gateway does: the Cookie header becomes `cookies`, and the scheme is told in x-forwarded-proto.
  const { cookie, ...rest } = req.headers;
  const headers: Record<string, string> = {
    'x-forwarded-proto': 'http',
    ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')])),
  };
  const cookies = cookie ? cookie.split(';').map((c) => c.trim()).filter(Boolean) : undefined;
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: `${req.method} ${url.pathname}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies ? { cookies } : {}),
    headers,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: { method: req.method ?? 'POST', path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '', userAgent: headers['user-agent'] ?? '' },
      requestId: `local-${now}`,
      routeKey: `${req.method} ${url.pathname}`,
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
    body,
    isBase64Encoded: false,
  };
}

/** A Lambda context for running a handler outside Lambda. */
export function localContext(): Context {
  const unused = () => undefined;
  return {
    functionName: 'local',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'local',
    memoryLimitInMB: '512',
    awsRequestId: `local-${Date.now()}`,
    logGroupName: 'local',
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => 3000,
    done: unused,
    fail: unused,
    succeed: unused,
  };
}

function stringHeaders(headers: APIGatewayProxyStructuredResultV2['headers']): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(v)]));
}
