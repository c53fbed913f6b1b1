import { PERSONAS } from './personas.ts';

/** Where `npm start` writes unless `LOCAL_DIR` says otherwise. */
const DEFAULT_DIR = '.local';

/**
 * What `npm start` suggests trying next, and the people `--user` takes. With `LOCAL_DIR` set,
 * each command carries it too: the other scripts find the running stack through that folder.
 */
export function startHints(localDir: string): string {
  const env = localDir === DEFAULT_DIR ? '' : `LOCAL_DIR=${localDir} `;
  const width = Math.max(...PERSONAS.map((p) => `${p.name} (${p.id})`.length));
  return [
    'The local people (--user <name>; @name in a command is sent as Slack sends a mention):',
    ...PERSONAS.map((p) => `  ${`${p.name} (${p.id})`.padEnd(width)}  ${p.realName}, ${p.kind}`),
    '',
    'In another terminal:',
    `  ${env}npm run slack -- "/commitments japan-korea"`,
    `  ${env}npm run sweep                                        (check-ins for the demo track's people, now)`,
    `  ${env}npm run slack -- --user maria --press "On track" --item DEMO-1 --in dm`,
    `  ${env}npm run slack -- --press "Mark done" --item JK-5`,
    `  ${env}npm run slack -- --submit note="Signed on 3 March"`,
    `  ${env}npm run sweep -- --at +2d                            (a sweep two days on: digests, unanswered check-ins)`,
    '',
    'Ctrl-C stops everything.',
  ].join('\n');
}
