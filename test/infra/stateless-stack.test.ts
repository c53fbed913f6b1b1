import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { TABLE } from '#shared/store/table';
import { synthCommitments } from './synth.ts';

const byDefault = synthCommitments();
const configured = synthCommitments({
  scheduleRate: 15,
  alarmEmail: 'ops@example.org',
  slackApiUrl: 'https://slack-gov.com/api/',
});
const template = byDefault.statelessTemplate;

const functions = (t: Template) => Object.values(t.findResources('AWS::Lambda::Function'));
const functionNamed = (t: Template, service: string) =>
  functions(t).find((f) => f.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME === `commitments-${service}`);

/** The stateful stack's export that the stateless stack imports for `logicalIdPrefix` (and attribute). */
const stackOutput = (logicalIdPrefix: string) => ({
  'Fn::ImportValue': Match.stringLikeRegexp(`^${byDefault.stateful.stackName}:ExportsOutput${logicalIdPrefix}`),
});

describe('StatelessStack functions', () => {
  it('runs the three functions (Slack, its jobs, reminders) on Node.js 22 on ARM64 with source maps and their own log groups', () => {
    expect(functions(template)).toHaveLength(3);
    for (const fn of functions(template)) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        LoggingConfig: { LogGroup: { Ref: expect.stringMatching(/Logs/) } },
      });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        NODE_OPTIONS: '--experimental-async-context-frame',
        LOG_LEVEL: 'INFO',
      });
    }
  });

  // Issue 13: Control Tower's CT.CLOUDWATCH.PR.2 and PR.3.
  it('keeps every log group a year, encrypted under the logs key', () => {
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup'));
    expect(logGroups).toHaveLength(4);
    template.allResourcesProperties('AWS::Logs::LogGroup', {
      RetentionInDays: 365,
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LogsKey'), 'Arn'] },
    });
  });

  // Issue 25: a weak reference (Fn::GetStackOutput) keeps its old value until this stack itself changes;
  // an import makes CloudFormation refuse to change a value this stack still uses.
  it('reads the stateful stack’s values through its exports, none through Fn::GetStackOutput', () => {
    const json = JSON.stringify(template.toJSON());
    expect(json).not.toContain('Fn::GetStackOutput');
    const imported = new Set([...json.matchAll(/"Fn::ImportValue":"CommitmentsStateful:ExportsOutput(Ref|FnGetAtt)(Table|SlackSecret|SlackBotTokenSecret|TokenKey)[0-9A-F]{8}(Arn)?/g)].map((m) => `${m[2]}${m[3] ?? ''}`));
    expect([...imported].sort()).toEqual(['SlackBotTokenSecret', 'SlackSecret', 'Table', 'TableArn', 'TokenKeyArn']);
    byDefault.statefulTemplate.hasOutput('*', { Export: { Name: Match.stringLikeRegexp('^CommitmentsStateful:ExportsOutputRefTable') } });
  });

  it('gives each function the table name, and the secret ARNs from the stateful stack', () => {
    for (const service of ['slack', 'reminders']) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: {
          Variables: Match.objectLike({
            POWERTOOLS_SERVICE_NAME: `commitments-${service}`,
            TABLE_NAME: stackOutput('RefTable'),
            SLACK_BOT_TOKEN_SECRET_ARN: stackOutput('RefSlackBotTokenSecret'),
          }),
        },
      });
    }
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'commitments-slack', SLACK_SECRET_ARN: stackOutput('RefSlackSecret') }),
      },
    });
  });

  // Issue 13: a secret rotated in Secrets Manager is taken within five minutes, without a redeploy.
  it('gives both functions the secrets’ max age of five minutes', () => {
    for (const service of ['slack', 'reminders']) {
      expect(functionNamed(template, service)?.Properties.Environment.Variables.POWERTOOLS_PARAMETERS_MAX_AGE).toBe('300');
    }
  });

  // Issue 13: the reminder function posts digests and verifies no request.
  it('gives the reminder function no signing secret ARN', () => {
    expect(functionNamed(template, 'reminders')?.Properties.Environment.Variables.SLACK_SECRET_ARN).toBeUndefined();
  });

  it('sizes the Slack function for the 3-second answer and the reminder sweep for a minute of work', () => {
    expect(functionNamed(template, 'slack')?.Properties).toMatchObject({ MemorySize: 1024, Timeout: 10 });
    expect(functionNamed(template, 'reminders')?.Properties).toMatchObject({ MemorySize: 512, Timeout: 60 });
  });

  // Issue 23: the install's redirect URI comes from configuration, never from a request's Host header.
  it('gives the Slack function the API’s own URL as PUBLIC_URL, and the reminder function none', () => {
    const [apiId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Api'));
    expect(functionNamed(template, 'slack')?.Properties.Environment.Variables.PUBLIC_URL).toEqual({ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] });
    expect(functionNamed(template, 'reminders')?.Properties.Environment.Variables.PUBLIC_URL).toBeUndefined();
  });

  it('sets SLACK_API_URL only when the slackApiUrl context is given', () => {
    for (const fn of functions(template)) expect(fn.Properties.Environment.Variables.SLACK_API_URL).toBeUndefined();
    for (const fn of functions(configured.statelessTemplate)) {
      expect(fn.Properties.Environment.Variables.SLACK_API_URL).toBe('https://slack-gov.com/api/');
    }
  });
});

describe('StatelessStack permissions', () => {
  const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
  );

  // Issue 13: X-Ray's two write actions take no resource; nothing else may have a wildcard.
  const X_RAY_ACTIONS = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
  const isXRay = ({ Action }: { Action: string | string[] }) => [Action].flat().every((action) => X_RAY_ACTIONS.includes(action));

  it('grants no IAM statement on a wildcard resource but X-Ray’s trace writes', () => {
    expect(statements.length).toBeGreaterThan(0);
    for (const { Resource } of statements.filter((statement) => !isXRay(statement))) expect(JSON.stringify(Resource)).not.toContain('*');
    for (const statement of statements.filter(isXRay)) expect(statement).toMatchObject({ Action: X_RAY_ACTIONS, Resource: '*' });
  });

  it('traces both functions with X-Ray, each allowed to write its traces', () => {
    for (const fn of functions(template)) expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    for (const service of ['Slack', 'Reminders']) expect(statementsOf(service).filter(isXRay)).toHaveLength(1);
  });

  const statementsOf = (service: string) =>
    Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${service}Role`))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);

  /** The stateful stack's secrets a role may read, by logical id (its output names carry it). */
  const secretsReadBy = (service: string) =>
    statementsOf(service)
      .filter(({ Action }) => [Action].flat().includes('secretsmanager:GetSecretValue'))
      .flatMap(({ Resource }) => [Resource].flat())
      .map((resource) => /Ref(Slack\w*?Secret)[0-9A-F]{8}/.exec(JSON.stringify(resource))?.[1])
      .sort();

  it('scopes table access to the table and its due index', () => {
    for (const service of ['Slack', 'Reminders']) {
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: Match.stringLikeRegexp(`^${service}Role`) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: Match.arrayWith(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']),
              Resource: stackOutput('FnGetAttTable.*Arn'),
            }),
            Match.objectLike({
              Action: 'dynamodb:Query',
              Resource: { 'Fn::Join': ['', [stackOutput('FnGetAttTable.*Arn'), `/index/${TABLE.dueIndex.name}`]] },
            }),
          ]),
        },
      });
    }
  });

  it('lets the Slack function read the signing secret and the bot token secret', () => {
    expect(secretsReadBy('Slack')).toEqual(['SlackBotTokenSecret', 'SlackSecret']);
  });

  // Issue 13: the signing secret stays with the function that verifies Slack's requests.
  it('gives the reminder role the bot token secret and no access to the signing secret', () => {
    expect(secretsReadBy('Reminders')).toEqual(['SlackBotTokenSecret']);
    for (const { Resource } of statementsOf('Reminders')) expect(JSON.stringify(Resource)).not.toMatch(/RefSlackSecret/);
  });

  // Issue 13: only the DynamoDB actions the store sends.
  it('grants exactly the table actions the store sends, without BatchWriteItem or DescribeTable', () => {
    for (const service of ['Slack', 'Reminders']) {
      const actions = statementsOf(service).flatMap(({ Action }) => [Action].flat()).filter((a) => a.startsWith('dynamodb:'));
      expect([...new Set(actions)].sort()).toEqual([
        'dynamodb:BatchGetItem',
        'dynamodb:ConditionCheckItem',
        'dynamodb:DeleteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
      ]);
      expect(actions).not.toContain('dynamodb:BatchWriteItem');
      expect(actions).not.toContain('dynamodb:DescribeTable');
    }
  });

  // Issue 23, finding 7: both functions seal (a rotated or older install's token) and open installs' tokens.
  it('lets each function seal and open tokens under the token key, and nothing else with it', () => {
    for (const service of ['Slack', 'Reminders']) {
      const kms = statementsOf(service).filter(({ Action }) => [Action].flat().some((a) => a.startsWith('kms:')));
      expect(kms).toHaveLength(1);
      expect(kms[0]).toMatchObject({ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Condition: { StringEquals: { 'kms:EncryptionContext:app': 'commitments' } } });
      const tokenKeyArn = /"Fn::ImportValue":"CommitmentsStateful:ExportsOutputFnGetAttTokenKey\w*Arn\w*"/;
      expect(JSON.stringify(kms[0]!.Resource)).toMatch(tokenKeyArn);
      expect(JSON.stringify(functionNamed(template, service.toLowerCase())?.Properties.Environment.Variables.TOKEN_KEY_ARN)).toMatch(tokenKeyArn);
    }
  });

  it('puts both roles under the path the token key lets decrypt', () => {
    const roles = Object.values(template.findResources('AWS::IAM::Role')).filter((role) => JSON.stringify(role.Properties.AssumeRolePolicyDocument).includes('lambda.amazonaws.com'));
    expect(roles.map((role) => role.Properties.Path)).toEqual(['/commitments-token-readers/', '/commitments-token-readers/', '/commitments-token-readers/']);
  });

  it('never allows a table scan', () => {
    const actions = statements.flatMap(({ Action }) => [Action].flat());
    expect(actions).not.toContain('dynamodb:Scan');
  });
});

describe('StatelessStack Slack endpoint', () => {
  it('routes POST /slack/events to the Slack function through an HTTP API', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /slack/events' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SlackFunction'), 'Arn'] },
    });
  });

  it('has exactly the Slack request route and the two GET routes of the OAuth install, all to the Slack function (issue 12)', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => (r as { Properties: { RouteKey: string; Target: unknown } }).Properties);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(['GET /slack/install', 'GET /slack/oauth_redirect', 'POST /slack/events']);
    expect(new Set(routes.map((r) => JSON.stringify(r.Target))).size).toBe(1);
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
  });

  it('outputs the install page URL', () => {
    template.hasOutput('SlackInstallUrl', {
      Value: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Api'), 'ApiEndpoint'] }, '/slack/install']] },
    });
  });

  it('throttles the stage and writes access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiAccessLogs'), 'Arn'] } },
    });
  });

  // Issue 13: Control Tower's CT.LAMBDA.PR.2.
  it('lets API Gateway invoke the Slack function only from this API in this account', () => {
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'apigateway.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SlackFunction'), 'Arn'] },
      SourceAccount: { Ref: 'AWS::AccountId' },
      SourceArn: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
    });
  });

  // Issue 25: the log groups' names are generated; the outputs say which one is whose.
  it('names each log group in an output', () => {
    const logGroups = Object.keys(template.findResources('AWS::Logs::LogGroup'));
    const outputs = Object.entries(template.toJSON().Outputs as Record<string, { Value: unknown }>);
    const naming = outputs.filter(([, output]) => logGroups.some((id) => JSON.stringify(output.Value) === JSON.stringify({ Ref: id })));
    expect(naming.map(([key]) => key).sort()).toEqual(['ApiAccessLogGroup', 'RemindersLogGroup', 'SlackJobsLogGroup', 'SlackLogGroup']);
    expect(naming).toHaveLength(logGroups.length);
  });

  it('outputs the Slack request URL ending in /slack/events', () => {
    template.hasOutput('SlackRequestUrl', {
      Value: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Api'), 'ApiEndpoint'] }, '/slack/events']] },
    });
  });
});

describe('StatelessStack reminder schedule', () => {
  it('runs the sweep every 5 minutes by default and at the scheduleRate from context', () => {
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(5 minutes)' });
    configured.statelessTemplate.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
    });
  });

  it('sends sweeps that fail every retry to an encrypted, TLS-only dead-letter queue', () => {
    // Issue 13: Control Tower's CT.SQS.PR.1 reads RedriveAllowPolicy as "this is a dead-letter queue".
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      RedriveAllowPolicy: { redrivePermission: 'allowAll' },
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    const dlq = { 'Fn::GetAtt': [Match.stringLikeRegexp('^RemindersDeadLetterQueue'), 'Arn'] };
    template.hasResourceProperties('AWS::Lambda::Function', { DeadLetterConfig: { TargetArn: dlq } });
    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ DeadLetterConfig: { Arn: dlq }, RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }) })],
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumEventAgeInSeconds: 300 });
  });

  // Issue 25: Control Tower's CT.LAMBDA.PR.2 wants the account besides the rule, as on the API's permissions.
  it('lets EventBridge invoke the reminder function only from its own rule in this account', () => {
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).filter((p) => p.Properties.Principal === 'events.amazonaws.com');
    expect(permissions).toHaveLength(1);
    expect(permissions[0]!.Properties).toMatchObject({
      FunctionName: { 'Fn::GetAtt': [expect.stringMatching(/^RemindersFunction/), 'Arn'] },
      SourceArn: { 'Fn::GetAtt': [expect.stringMatching(/^ReminderSchedule/), 'Arn'] },
      SourceAccount: { Ref: 'AWS::AccountId' },
    });
  });

  it('reserves no concurrency, so it deploys in accounts with the default quota of 10', () => {
    for (const fn of functions(template)) expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
  });
});

// Issue 13: slow work off Slack's 3 seconds, in asynchronous invocations; issue 25: of a function of their own,
// so that the Slack function's duration and errors, and its alarms, count only what someone waited for.
describe('StatelessStack work after the answer', () => {
  const jobsQueue = { 'Fn::GetAtt': [Match.stringLikeRegexp('^SlackJobsDeadLetterQueue'), 'Arn'] };
  const jobs = functionNamed(template, 'slack-jobs');
  const slack = functionNamed(template, 'slack');

  it('runs the jobs in a function of their own, from the Slack function’s code, which the Slack function names', () => {
    expect(jobs?.Properties).toMatchObject({ Handler: 'index.handler', MemorySize: 1024, Timeout: 30 });
    expect(jobs?.Properties.Code).toEqual(slack?.Properties.Code);
    const [jobsId] = Object.entries(template.findResources('AWS::Lambda::Function')).find(([, fn]) => fn === jobs) ?? [];
    expect(jobsId).toMatch(/^JobsFunction/);
    expect(slack?.Properties.Environment.Variables.AFTER_ANSWER_FUNCTION_NAME).toEqual({ Ref: jobsId });
    // The jobs function hands the jobs a job leaves to itself, by the name Lambda gives it.
    expect(jobs?.Properties.Environment.Variables.AFTER_ANSWER_FUNCTION_NAME).toBeUndefined();
  });

  it('gives the jobs function the table, the bot token and the token key, and no signing secret, route or schedule', () => {
    const imported = (prefix: string) => ({ 'Fn::ImportValue': expect.stringMatching(new RegExp(`^CommitmentsStateful:ExportsOutput${prefix}`)) });
    expect(jobs?.Properties.Environment.Variables).toMatchObject({
      TABLE_NAME: imported('RefTable'),
      SLACK_BOT_TOKEN_SECRET_ARN: imported('RefSlackBotTokenSecret'),
      TOKEN_KEY_ARN: imported('FnGetAttTokenKey'),
      POWERTOOLS_SERVICE_NAME: 'commitments-slack-jobs',
    });
    expect(jobs?.Properties.Environment.Variables.SLACK_SECRET_ARN).toBeUndefined();
    expect(jobs?.Properties.Environment.Variables.PUBLIC_URL).toBeUndefined();
    const invokers = Object.values(template.findResources('AWS::Lambda::Permission')).map((p) => JSON.stringify(p.Properties.FunctionName));
    expect(invokers.filter((name) => name.includes('JobsFunction'))).toEqual([]);
  });

  it('lets the Slack function and the jobs function invoke the jobs function, and nothing else, from a policy of its own', () => {
    const invokes = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) =>
      (policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
        .filter(({ Action }) => [Action].flat().some((action) => action.startsWith('lambda:')))
        .map((statement) => ({ roles: policy.Properties.Roles, ...statement })),
    );
    expect(invokes).toEqual([
      expect.objectContaining({
        roles: [{ Ref: expect.stringMatching(/^SlackRole/) }, { Ref: expect.stringMatching(/^JobsRole/) }],
        Action: 'lambda:InvokeFunction',
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^JobsFunction/), 'Arn'] },
      }),
    ]);
  });

  it('retries a failed job twice within 30 minutes, then keeps it in its own encrypted, TLS-only dead-letter queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: Match.stringLikeRegexp('^JobsFunction') },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 1800,
      DestinationConfig: { OnFailure: { Destination: jobsQueue } },
    });
    // Nothing invokes the Slack function asynchronously any more.
    const asyncConfigs = Object.values(template.findResources('AWS::Lambda::EventInvokeConfig')).map((c) => JSON.stringify(c.Properties.FunctionName));
    expect(asyncConfigs.filter((name) => name.includes('SlackFunction'))).toEqual([]);
    const [queue] = Object.entries(template.findResources('AWS::SQS::Queue')).filter(([id]) => id.startsWith('SlackJobsDeadLetterQueue'));
    expect(queue?.[1].Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600, RedriveAllowPolicy: { redrivePermission: 'allowAll' } });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: Match.stringLikeRegexp('^SlackJobsDeadLetterQueue') }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^JobsRole') }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['sqs:SendMessage']), Resource: jobsQueue })]) },
    });
  });

  const jobsAlarms = Object.entries(template.findResources('AWS::CloudWatch::Alarm')).filter(([id]) => id.startsWith('SlackJobs'));
  const notifies = { AlarmActions: [{ Ref: expect.stringMatching(/^AlarmTopic/) }], OKActions: [{ Ref: expect.stringMatching(/^AlarmTopic/) }] };

  it('alarms, and clears, on the alarm topic as soon as a job is in its dead-letter queue', () => {
    const alarms = jobsAlarms.filter(([id]) => id.startsWith('SlackJobsDeadLetterAlarm'));
    expect(alarms).toHaveLength(1);
    expect(alarms[0]![1].Properties).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [expect.stringMatching(/^SlackJobsDeadLetterQueue/), 'QueueName'] } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      ...notifies,
    });
  });

  it('alarms on the jobs’ own errors, five or more in 15 minutes, and on their p99 duration above 80% of their timeout', () => {
    const onJobs = (metricName: string) =>
      jobsAlarms
        .map(([, alarm]) => alarm.Properties)
        .filter((p) => p.Namespace === 'AWS/Lambda' && p.MetricName === metricName && JSON.stringify(p.Dimensions).includes('JobsFunction'));
    expect(onJobs('Errors')).toEqual([
      expect.objectContaining({ Statistic: 'Sum', Period: 900, Threshold: 5, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching', ...notifies }),
    ]);
    expect(onJobs('Duration')).toEqual([
      expect.objectContaining({ ExtendedStatistic: 'p99', Period: 900, Threshold: 24_000, ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: 'notBreaching', ...notifies }),
    ]);
  });

  it('keeps the jobs out of every alarm on what people wait for: those watch the Slack function and the API alone', () => {
    const others = Object.entries(template.findResources('AWS::CloudWatch::Alarm')).filter(([id]) => !id.startsWith('SlackJobs'));
    for (const [, alarm] of others) expect(JSON.stringify(alarm.Properties.Dimensions ?? [])).not.toContain('JobsFunction');
  });
});

describe('StatelessStack alarms', () => {
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
  const alarmOn = (metricName: string, namespace: string) =>
    alarms.filter((a) => a.Properties.MetricName === metricName && a.Properties.Namespace === namespace);

  it('alarms on errors of each function and throttles of the Slack and reminder functions', () => {
    expect(alarmOn('Errors', 'AWS/Lambda')).toHaveLength(3);
    expect(alarmOn('Throttles', 'AWS/Lambda')).toHaveLength(2);
  });

  it('alarms as soon as the dead-letter queue holds a message', () => {
    const [dlqAlarm] = alarmOn('ApproximateNumberOfMessagesVisible', 'AWS/SQS');
    expect(dlqAlarm?.Properties).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
  });

  // Issue 25: missing data as breaching fired from the first deploy until the first sweep.
  describe('when the reminder sweep stops', () => {
    const byId = template.findResources('AWS::CloudWatch::Alarm');
    const idOf = (prefix: string) => Object.keys(byId).find((id) => id.startsWith(prefix))!;
    const invocations = { Namespace: 'AWS/Lambda', MetricName: 'Invocations', Statistic: 'Sum', Period: 600, Threshold: 1, EvaluationPeriods: 1, ComparisonOperator: 'LessThanThreshold' };

    it('watches the gap between sweeps, missing data counting as no sweep, and notifies no one itself', () => {
      expect(byId[idOf('ReminderSweepGap')]?.Properties).toMatchObject({ ...invocations, TreatMissingData: 'breaching' });
      expect(byId[idOf('ReminderSweepGap')]?.Properties.AlarmActions).toBeUndefined();
      expect(alarmOn('Invocations', 'AWS/Lambda')).toHaveLength(2);
    });

    it('knows once a first sweep has run: a sweep’s datapoint makes it OK, and missing data keeps its state, so it never alarms', () => {
      expect(byId[idOf('ReminderSweepStarted')]?.Properties).toMatchObject({ ...invocations, TreatMissingData: 'ignore' });
      expect(byId[idOf('ReminderSweepStarted')]?.Properties.AlarmActions).toBeUndefined();
    });

    it('notifies, and clears, only when the gap alarms after a first sweep has run', () => {
      const composites = Object.values(template.findResources('AWS::CloudWatch::CompositeAlarm'));
      expect(composites).toHaveLength(1);
      expect(composites[0]!.Properties).toMatchObject({
        AlarmRule: {
          'Fn::Join': ['', ['(ALARM("', { 'Fn::GetAtt': [idOf('ReminderSweepGap'), 'Arn'] }, '") AND OK("', { 'Fn::GetAtt': [idOf('ReminderSweepStarted'), 'Arn'] }, '"))']],
        },
        AlarmActions: [{ Ref: expect.stringMatching(/^AlarmTopic/) }],
        OKActions: [{ Ref: expect.stringMatching(/^AlarmTopic/) }],
      });
    });
  });

  it('notifies an encrypted SNS topic from every alarm but the sweep composite’s two parts, when it fires and when it is OK again', () => {
    expect(alarms).toHaveLength(16);
    const parts = Object.entries(template.findResources('AWS::CloudWatch::Alarm')).filter(([id]) => /^ReminderSweep(Gap|Started)/.test(id));
    expect(parts).toHaveLength(2);
    for (const alarm of alarms.filter((a) => !parts.some(([, part]) => part === a))) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^AlarmTopic/) }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: expect.stringMatching(/^AlarmTopic/) }]);
    }
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlarmTopicKey'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  // Issue 13: Control Tower's CT.KMS.PR.3.
  it('rotates both keys and lets no one but AWS services create grants on them', () => {
    template.resourceCountIs('AWS::KMS::Key', 2);
    template.allResourcesProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'DenyGrantsExceptForAwsServices',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 'kms:CreateGrant',
            Resource: '*',
            Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
          },
        ]),
      },
    });
  });

  it('subscribes the alarm email only when the alarmEmail context is given', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    configured.statelessTemplate.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
    });
  });
});

// Issue 13: alarms that fire on what people notice, each pinned by metric, threshold and period.
describe('StatelessStack observe alarms', () => {
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties as Record<string, unknown>);
  const topic = [{ Ref: expect.stringMatching(/^AlarmTopic/) }];
  const notifies = { AlarmActions: topic, OKActions: topic };
  type Dimension = { Name: string; Value: unknown };
  const sorted = (dimensions: unknown) => JSON.stringify([...(dimensions as Dimension[])].sort((a, b) => a.Name.localeCompare(b.Name)));
  const alarmOn = (namespace: string, metricName: string, dimensions: Dimension[]) =>
    alarms.filter((a) => a['Namespace'] === namespace && a['MetricName'] === metricName && sorted(a['Dimensions']) === sorted(dimensions));

  it('alarms on any handled error of either function, from the HandledErrors EMF metric', () => {
    for (const service of ['commitments-slack', 'commitments-reminders']) {
      expect(alarmOn('Commitments', 'HandledErrors', [{ Name: 'service', Value: service }])).toEqual([
        expect.objectContaining({ Statistic: 'Sum', Period: 300, Threshold: 1, EvaluationPeriods: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching', ...notifies }),
      ]);
    }
  });

  it('alarms on a burst of five refused signatures in five minutes, as a wrong signing secret makes', () => {
    const dimensions = [
      { Name: 'service', Value: 'commitments-slack' },
      { Name: 'reason', Value: 'signature' },
    ];
    expect(alarmOn('Commitments', 'RefusedRequests', dimensions)).toEqual([
      expect.objectContaining({ Statistic: 'Sum', Period: 300, Threshold: 5, ComparisonOperator: 'GreaterThanOrEqualToThreshold', ...notifies }),
    ]);
  });

  it('alarms on any subscription paused for invalid_auth', () => {
    const dimensions = [
      { Name: 'service', Value: 'commitments-reminders' },
      { Name: 'reason', Value: 'invalid_auth' },
    ];
    expect(alarmOn('Commitments', 'SubscriptionsPaused', dimensions)).toEqual([
      expect.objectContaining({ Statistic: 'Sum', Period: 300, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', ...notifies }),
    ]);
  });

  it('alarms when the Slack function’s p99 duration passes 2.5 seconds', () => {
    const [p99] = alarms.filter((a) => a['MetricName'] === 'Duration');
    expect(p99).toMatchObject({
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: expect.stringMatching(/^SlackFunction/) } }],
      ExtendedStatistic: 'p99',
      Period: 300,
      Threshold: 2500,
      ComparisonOperator: 'GreaterThanThreshold',
      ...notifies,
    });
  });

  it('alarms on any 5xx the HTTP API answers', () => {
    const [api5xx] = alarms.filter((a) => a['Namespace'] === 'AWS/ApiGateway' && a['MetricName'] === '5xx');
    expect(api5xx).toMatchObject({
      Dimensions: [{ Name: 'ApiId', Value: { Ref: expect.stringMatching(/^Api/) } }],
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      ...notifies,
    });
  });
});
