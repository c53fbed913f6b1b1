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
  it('runs both functions on Node.js 22 on ARM64 with source maps and their own log groups', () => {
    expect(functions(template)).toHaveLength(2);
    for (const fn of functions(template)) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        LoggingConfig: { LogGroup: { Ref: expect.stringMatching(/Logs/) } },
      });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        NODE_OPTIONS: '--enable-source-maps',
        LOG_LEVEL: 'INFO',
      });
    }
  });

  // Issue 13: Control Tower's CT.CLOUDWATCH.PR.2 and PR.3.
  it('keeps every log group a year, encrypted under the logs key', () => {
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup'));
    expect(logGroups).toHaveLength(3);
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
    expect(roles.map((role) => role.Properties.Path)).toEqual(['/commitments-token-readers/', '/commitments-token-readers/']);
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
    expect(naming.map(([key]) => key).sort()).toEqual(['ApiAccessLogGroup', 'RemindersLogGroup', 'SlackLogGroup']);
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

// Issue 13: slow work off Slack's 3 seconds, in asynchronous invocations of the Slack function itself.
describe('StatelessStack work after the answer', () => {
  const jobsQueue = { 'Fn::GetAtt': [Match.stringLikeRegexp('^SlackJobsDeadLetterQueue'), 'Arn'] };

  it('lets the Slack function invoke itself, and nothing else, from a policy of its own', () => {
    const invokes = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) =>
      (policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
        .filter(({ Action }) => [Action].flat().some((action) => action.startsWith('lambda:')))
        .map((statement) => ({ roles: policy.Properties.Roles, ...statement })),
    );
    expect(invokes).toEqual([
      expect.objectContaining({
        roles: [{ Ref: expect.stringMatching(/^SlackRole/) }],
        Action: 'lambda:InvokeFunction',
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^SlackFunction/), 'Arn'] },
      }),
    ]);
  });

  it('retries a failed job twice within 30 minutes, then keeps it in its own encrypted, TLS-only dead-letter queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: Match.stringLikeRegexp('^SlackFunction') },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 1800,
      DestinationConfig: { OnFailure: { Destination: jobsQueue } },
    });
    const [queue] = Object.entries(template.findResources('AWS::SQS::Queue')).filter(([id]) => id.startsWith('SlackJobsDeadLetterQueue'));
    expect(queue?.[1].Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600, RedriveAllowPolicy: { redrivePermission: 'allowAll' } });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: Match.stringLikeRegexp('^SlackJobsDeadLetterQueue') }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^SlackRole') }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['sqs:SendMessage']), Resource: jobsQueue })]) },
    });
  });

  it('alarms, and clears, on the alarm topic as soon as a job is in its dead-letter queue', () => {
    const alarms = Object.entries(template.findResources('AWS::CloudWatch::Alarm')).filter(([id]) => id.startsWith('SlackJobsDeadLetterAlarm'));
    expect(alarms).toHaveLength(1);
    expect(alarms[0]![1].Properties).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [expect.stringMatching(/^SlackJobsDeadLetterQueue/), 'QueueName'] } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: expect.stringMatching(/^AlarmTopic/) }],
      OKActions: [{ Ref: expect.stringMatching(/^AlarmTopic/) }],
    });
  });
});

describe('StatelessStack alarms', () => {
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
  const alarmOn = (metricName: string, namespace: string) =>
    alarms.filter((a) => a.Properties.MetricName === metricName && a.Properties.Namespace === namespace);

  it('alarms on errors and throttles of each function', () => {
    expect(alarmOn('Errors', 'AWS/Lambda')).toHaveLength(2);
    expect(alarmOn('Throttles', 'AWS/Lambda')).toHaveLength(2);
  });

  it('alarms as soon as the dead-letter queue holds a message', () => {
    const [dlqAlarm] = alarmOn('ApproximateNumberOfMessagesVisible', 'AWS/SQS');
    expect(dlqAlarm?.Properties).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
  });

  it('alarms when the reminder sweep stops running for two schedule intervals', () => {
    const [missing] = alarmOn('Invocations', 'AWS/Lambda');
    expect(missing?.Properties).toMatchObject({
      Period: 600,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
  });

  it('notifies an encrypted SNS topic from every alarm, when it fires and when it is OK again', () => {
    expect(alarms).toHaveLength(13);
    for (const alarm of alarms) {
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
