/** CloudFormation output keys that scripts read back from `cdk deploy --outputs-file`. */
export const OUTPUT_KEYS = {
  requestUrl: 'SlackRequestUrl',
  installUrl: 'SlackInstallUrl',
  secretName: 'SlackSecretName',
  secretArn: 'SlackSecretArn',
  botTokenSecretArn: 'SlackBotTokenSecretArn',
  tableName: 'TableName',
  alarmTopicArn: 'AlarmTopicArn',
  tokenKeyArn: 'TokenKeyArn',
  slackLogGroup: 'SlackLogGroup',
  jobsLogGroup: 'SlackJobsLogGroup',
  remindersLogGroup: 'RemindersLogGroup',
  apiAccessLogGroup: 'ApiAccessLogGroup',
} as const;
