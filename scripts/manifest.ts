import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildSlackManifest } from '#shared/slack-app/manifest';
import { OUTPUT_KEYS } from '../infra/outputs.ts';

// Usage: npm run manifest -- [--outputs-file cdk-outputs.json] [--url https://…/slack/events] [--out slack-manifest.json]
const { values } = parseArgs({
  options: {
    'outputs-file': { type: 'string', default: 'cdk-outputs.json' },
    url: { type: 'string' },
    out: { type: 'string' },
  },
});

try {
  const requestUrl = checkRequestUrl(values.url ?? readRequestUrl(values['outputs-file']), values.url !== undefined ? '--url ' : `${values['outputs-file']}'s ${OUTPUT_KEYS.requestUrl} `);
  const json = `${JSON.stringify(buildSlackManifest(requestUrl), null, 2)}\n`;
  if (values.out) {
    writeFileSync(values.out, json);
    console.error(`Wrote ${values.out} for ${requestUrl}. Paste it at https://api.slack.com/apps → Create New App → From a manifest (JSON).`);
  } else {
    process.stdout.write(json);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}

/** The request URL as Slack will take it (https, a real URL), or one sentence saying what is wrong with it. */
function checkRequestUrl(url: string, where: string): string {
  const example = `Give the URL the deploy printed (${OUTPUT_KEYS.requestUrl}), such as https://<api>.execute-api.<region>.amazonaws.com/slack/events.`;
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) throw new Error(`${where}${url} is not a URL. ${example}`);
  if (parsed.protocol !== 'https:') throw new Error(`${where}${url}: Slack sends requests only to https:// addresses. ${example}`);
  return url;
}

function readRequestUrl(outputsFile: string): string {
  if (!existsSync(outputsFile)) {
    throw new Error(
      `No ${outputsFile}. Deploy first with \`npx cdk deploy --all --outputs-file ${outputsFile}\`, ` +
        'or pass the request URL with --url https://<api>.execute-api.<region>.amazonaws.com/slack/events.',
    );
  }
  // cdk-outputs.json: { "<stack name>": { "<output key>": "<value>" } }
  const outputs = JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Record<string, unknown>>;
  for (const stackOutputs of Object.values(outputs)) {
    const url = stackOutputs[OUTPUT_KEYS.requestUrl];
    if (typeof url === 'string') return url;
  }
  throw new Error(`${outputsFile} has no ${OUTPUT_KEYS.requestUrl} output; was the stateless stack deployed with --outputs-file?`);
}
