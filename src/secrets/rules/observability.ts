import type { SecretRule } from '../types.js';
import { ALNUM, BASE64, BASE64URL, HEX, UUID, assigned, chars, lit, oneOf, pattern, token } from './define.js';

const F = 'observability';

/** Monitoring, logging, error tracking, analytics and feature-flag services. */
export const observabilityRules: SecretRule[] = [
  assigned(F, 'datadog-api-key', 'Datadog API key', ['datadog', 'dd_api_key', 'dd-api-key', 'ddapikey'], [chars(HEX, 32)], { entropy: 3.3 }),
  assigned(F, 'datadog-app-key', 'Datadog application key', ['datadog', 'dd_app_key', 'dd-application-key', 'dd_application_key'], [chars(HEX, 40)], { entropy: 3.3 }),
  token(F, 'newrelic-user-api-key', 'New Relic user API key', [lit('NRAK-'), chars('A-Z0-9', 27)]),
  token(F, 'newrelic-insert-key', 'New Relic insights insert key', [lit('NRII-'), chars(BASE64URL, 32)]),
  token(F, 'newrelic-insights-query-key', 'New Relic insights query key', [lit('NRIQ-'), chars(BASE64URL, 32)]),
  token(F, 'newrelic-browser-key', 'New Relic browser API key', [lit('NRJS-'), chars(HEX, 19)]),
  token(F, 'newrelic-admin-key', 'New Relic admin API key', [lit('NRAA-'), chars(HEX, 27)]),
  token(F, 'newrelic-license-key', 'New Relic license (ingest) key', [chars(HEX, 36), lit('NRAL')], { keywords: ['nral'] }),
  pattern(F, 'sentry-org-token', 'Sentry organization auth token', String.raw`(?<![A-Za-z0-9_])(sntrys_eyJpYXQiO[A-Za-z0-9+/]{10,200}(?:LCJyZWdpb25fdXJs|InJlZ2lvbl91cmwi|cmVnaW9uX3VybCI6)[A-Za-z0-9+/]{10,200}={0,2}_[A-Za-z0-9+/]{43})`, {
    keywords: ['sntrys_'],
  }),
  token(F, 'sentry-user-token', 'Sentry user auth token', [lit('sntryu_'), chars(HEX, 64)]),
  assigned(F, 'sentry-auth-token', 'Sentry auth token (legacy)', ['sentry_auth_token', 'sentry_token', 'sentry'], [chars(HEX, 64)], { entropy: 3.5 }),
  token(F, 'grafana-api-key', 'Grafana API key', [lit('eyJrIjoi'), chars(ALNUM, 70, 400)], { after: `${ALNUM}=` }),
  token(F, 'grafana-cloud-token', 'Grafana Cloud API token', [lit('glc_'), chars(BASE64, 32, 400)], { after: `${BASE64}=` }),
  token(F, 'grafana-service-account-token', 'Grafana service account token', [lit('glsa_'), chars(ALNUM, 32), lit('_'), chars('A-Fa-f0-9', 8)]),
  assigned(F, 'honeycomb-api-key', 'Honeycomb API key', ['honeycomb'], [chars(ALNUM, 22)], { entropy: 3.8 }),
  token(F, 'honeycomb-ingest-key', 'Honeycomb ingest key', [oneOf('hcaik_', 'hcxik_'), chars(ALNUM, 58)]),
  token(F, 'dynatrace-api-token', 'Dynatrace API token', [lit('dt0c01.'), chars('A-Z0-9', 24), lit('.'), chars('A-Z0-9', 64)]),
  assigned(F, 'splunk-hec-token', 'Splunk HTTP Event Collector token', ['splunk'], UUID),
  token(F, 'sumologic-access-id', 'Sumo Logic access ID', [lit('su'), chars(ALNUM, 12)], { keywords: ['sumo'], near: { rule: 'sumologic-access-key', within: 300 } }),
  assigned(F, 'sumologic-access-key', 'Sumo Logic access key', ['sumo'], [chars(ALNUM, 64)], { entropy: 4 }),
  assigned(F, 'loggly-token', 'Loggly customer token', ['loggly'], UUID),
  assigned(F, 'rollbar-access-token', 'Rollbar access token', ['rollbar'], [chars(HEX, 32)], { entropy: 3.3 }),
  assigned(F, 'bugsnag-api-key', 'Bugsnag API key', ['bugsnag'], [chars(HEX, 32)], { entropy: 3.3 }),
  assigned(F, 'pagerduty-api-key', 'PagerDuty API key', ['pagerduty', 'pager_duty'], [chars(`${BASE64URL}+`, 20)], { entropy: 3.8 }),
  assigned(F, 'opsgenie-api-key', 'Opsgenie API key', ['opsgenie'], UUID),
  assigned(F, 'elastic-api-key', 'Elastic / Elasticsearch API key', ['elastic_api_key', 'elasticsearch_api_key', 'es_api_key', 'elastic_cloud'], [chars(`${BASE64}`, 40, 200), chars('=', 0, 2)], { entropy: 4 }),
  token(F, 'posthog-personal-api-key', 'PostHog personal API key', [lit('phx_'), chars(`${ALNUM}`, 43, 47)]),
  assigned(F, 'mixpanel-api-secret', 'Mixpanel API secret', ['mixpanel'], [chars(HEX, 32)], { entropy: 3.3 }),
  assigned(F, 'launchdarkly-access-token', 'LaunchDarkly API access token', ['launchdarkly', 'launch_darkly', 'ld_api_key'], [oneOf('api-', 'sdk-'), ...UUID]),
  token(F, 'axiom-token', 'Axiom API or personal token', [oneOf('xaat-', 'xapt-'), ...UUID]),
  assigned(F, 'lightstep-access-token', 'Lightstep / ServiceNow Cloud Observability token', ['lightstep'], [chars(`${BASE64}`, 80, 200)], { entropy: 4.5 }),
  assigned(F, 'logzio-token', 'Logz.io shipping token', ['logzio', 'logz_io'], [chars('a-zA-Z', 32)], { entropy: 3.8 }),
  assigned(F, 'checkly-api-key', 'Checkly API key', ['checkly'], [lit('cu_'), chars(HEX, 32)]),
  assigned(F, 'statuspage-api-key', 'Atlassian Statuspage API key', ['statuspage'], UUID),
  assigned(F, 'amplitude-api-key', 'Amplitude API secret', ['amplitude_secret', 'amplitude_api_secret'], [chars(HEX, 32)], { entropy: 3.3 }),
  assigned(F, 'segment-write-key', 'Segment write key (server side)', ['segment_write_key', 'segment_key'], [chars(ALNUM, 32)], { entropy: 3.8 }),
  assigned(F, 'appdynamics-token', 'AppDynamics API client secret', ['appdynamics'], [chars(BASE64URL, 30, 60)], { entropy: 4 }),
  assigned(F, 'betterstack-token', 'Better Stack (Logtail) source token', ['logtail', 'betterstack', 'better_stack'], [chars(ALNUM, 24)], { entropy: 3.8 }),
  token(F, 'configcat-sdk-key', 'ConfigCat SDK key', [lit('configcat-sdk-1/'), chars(BASE64URL, 22), lit('/'), chars(BASE64URL, 22)], { before: '' }),
];
