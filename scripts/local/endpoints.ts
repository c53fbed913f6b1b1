import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { isAlive } from './single-run.ts';

/** What a running `npm start` serves, written to `<local dir>/endpoints.json` for the other scripts. */
export const LocalEndpointsSchema = z.object({
  pid: z.number().int().positive(),
  /** The Slack request URL the handler is served at. */
  slackEndpoint: z.url(),
  dynamodbEndpoint: z.url(),
  tableName: z.string().min(1),
  /** The local Slack stand-in's Web API and base URL; absent when the bot talks to real Slack. */
  slackApiUrl: z.url().optional(),
  fakeSlackUrl: z.url().optional(),
  /** The bot token the stand-in accepts (a local one, never a real token). */
  botToken: z.string().min(1).optional(),
  /** `npm start -- --multi-workspace`: each workspace's token comes from its install. */
  multiWorkspace: z.boolean().optional(),
  /** With `multiWorkspace`: the KMS stand-in that seals installs' tokens, and its key's ARN. */
  kmsEndpoint: z.url().optional(),
  tokenKeyArn: z.string().startsWith('arn:').optional(),
});
export type LocalEndpoints = z.infer<typeof LocalEndpointsSchema>;

export function endpointsFile(localDir: string): string {
  return join(localDir, 'endpoints.json');
}

/** Writes the endpoints for this process; they are removed when it exits. */
export function writeEndpoints(localDir: string, endpoints: LocalEndpoints): void {
  mkdirSync(localDir, { recursive: true });
  const file = endpointsFile(localDir);
  writeFileSync(file, `${JSON.stringify(endpoints, null, 2)}\n`);
  process.once('exit', () => removeEndpoints(localDir, endpoints.pid));
}

/** Removes the endpoints file if `pid` wrote it. */
export function removeEndpoints(localDir: string, pid: number): void {
  if (readFileEndpoints(localDir)?.pid === pid) rmSync(endpointsFile(localDir), { force: true });
}

/** The endpoints of the `npm start` running now; undefined when none runs (or its file is left from a killed one). */
export function readEndpoints(localDir: string): LocalEndpoints | undefined {
  const endpoints = readFileEndpoints(localDir);
  return endpoints && isAlive(endpoints.pid) ? endpoints : undefined;
}

function readFileEndpoints(localDir: string): LocalEndpoints | undefined {
  try {
    const parsed = LocalEndpointsSchema.safeParse(JSON.parse(readFileSync(endpointsFile(localDir), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
