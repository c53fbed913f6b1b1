/**
 * The layer rule, checked by `npm run layers` and `test/layers.test.ts`.
 *
 * Layers, lowest first; code imports only from its own layer's folder or from layers above it
 * in this list:
 *
 *   shared/*.ts (errors, config, backoff)
 *   shared/render                 numbers and counted nouns in words (imports nothing: any layer may use it)
 *     ← observe                     Powertools logger, metrics, tracer: only shared/*.ts below it
 *     ← domain                      models: schemas, Report, Subscription, Delivery, DigestModel, Schedule, kinds
 *     ← dates, data, slack-app       slack-app: the command, ids, scopes and manifest of the Slack app
 *     ← format                      plain words shared by Slack messages and exports
 *     ← store, import, export, slack (slack/render and the Web API)
 *     ← reminders, use-cases
 *     ← commands
 *     ← functions, infra
 *     ← scripts ← bench
 *     ← test
 *
 * No folder imports a folder that imports it back, and no file imports itself round a loop.
 * The folder check compares sibling folders only, so a parent and its subfolder get two rules of
 * their own: a subfolder never imports its parent folder's files (render never reaches back into
 * slack/), and the files directly in `shared/` import no folder under it.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment: 'A folder imports a folder that imports it back: move the shared piece down a layer (models to domain/).',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-file-cycle',
      severity: 'error',
      comment: 'Files import each other round a loop.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-child-to-parent',
      severity: 'error',
      comment: 'A subfolder imports the files of the folder that holds it, which imports the subfolder: move the shared piece to a folder of its own.',
      from: { path: '^(shared/.+)/[^/]+/[^/]+$' },
      to: { path: '^$1/[^/]+$' },
    },
    {
      name: 'shared-root-is-lowest',
      severity: 'error',
      comment: 'errors, config and backoff sit below every shared folder.',
      from: { path: '^shared/[^/]+$' },
      to: { path: '^shared/[^/]+/' },
    },
    {
      name: 'observe-is-low',
      severity: 'error',
      comment: 'Logging, metrics and tracing sit just above config and errors, so every layer may use them.',
      from: { path: '^shared/observe/' },
      to: { path: '^shared/(?!observe/)[^/]+/' },
    },
    {
      name: 'render-not-to-store',
      severity: 'error',
      comment: 'Rendering turns models into Slack messages; it takes models from domain/, never the store.',
      from: { path: '^shared/slack/render/' },
      to: { path: '^shared/store/' },
    },
    {
      name: 'slack-not-to-use-cases',
      severity: 'error',
      comment: 'Slack rendering and transport sit below the use cases that call them.',
      from: { path: '^shared/slack/' },
      to: { path: '^shared/use-cases/' },
    },
    {
      name: 'not-to-test',
      severity: 'error',
      comment: 'Only tests import test code; local tools live in scripts/.',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
    {
      name: 'config-not-to-table',
      severity: 'error',
      comment: 'Configuration is read below the store; the table definition imports it, not the other way.',
      from: { path: '^shared/config\\.ts$' },
      to: { path: '^shared/store/' },
    },
    {
      name: 'import-not-to-commands',
      severity: 'error',
      comment: 'The readout extractor proposes domain values; it knows nothing of subcommands or their parser.',
      from: { path: '^shared/import/' },
      to: { path: ['^shared/commands/', '^shared/slack/command-parser\\.ts$', '^functions/slack/commands/'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An alias or relative import the checker cannot resolve would hide its edge from every rule above (bare packages are npm\'s and tsc\'s to check).',
      from: {},
      to: { couldNotResolve: true, path: '^(#|[.])' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are edges too: a model imported for its type still ties two layers.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      // `#shared/*` resolves through package.json "imports".
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mjs', '.js', '.json'],
    },
  },
};
