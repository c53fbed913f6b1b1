import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for the SDK's default credential chain inside the Lambda bundle: Lambda always
 * puts the function role's credentials in the environment, so the chain's SSO, INI, process,
 * web-identity and instance-metadata providers would only cost bundle size and parse time.
 */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
