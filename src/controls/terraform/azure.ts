import { Unknown, type TerraformFacts, type TfResource } from '../../facts/terraform/terraform.js';
import { PASS, cannotJudge, fail, atLeastDays, requireTrue, type Judged, type Verdict } from './judge.js';
import { firstBlock, managed, show, truth } from '../../facts/terraform/query.js';

/** Azure equivalents of the AWS checks, one function per control. */

const FIREWALL_RULES = ['azurerm_mssql_firewall_rule', 'azurerm_postgresql_flexible_server_firewall_rule', 'azurerm_mysql_flexible_server_firewall_rule', 'azurerm_postgresql_firewall_rule', 'azurerm_mysql_firewall_rule'];

/** A setting that must be false, whose provider default is true. */
function requireFalse(resource: TfResource, name: string, why: string): Verdict {
  const attribute = resource.attributes[name];
  if (!attribute) return fail(`${name} is not set to false (${why})`, resource.line, `${name}-unset`);
  const value = truth(attribute.value);
  if (value instanceof Unknown) return cannotJudge(`${name} is not known statically: ${value.reason}`, attribute.line);
  return value ? fail(`${name} = true (${why})`, attribute.line, `${name}-true`) : PASS;
}

export function azureNotPublic(facts: TerraformFacts): Judged[] {
  const judged: Judged[] = [];
  for (const account of managed(facts, 'azurerm_storage_account')) {
    judged.push({ resource: account, verdict: requireFalse(account, 'allow_nested_items_to_be_public', 'containers may be made public') });
  }
  for (const container of managed(facts, 'azurerm_storage_container')) {
    const access = container.attributes.container_access_type;
    let verdict: Verdict = PASS;
    if (access?.value instanceof Unknown) verdict = cannotJudge(`container_access_type is not known statically: ${access.value.reason}`, access.line);
    else if (access && access.value !== 'private') verdict = fail(`container_access_type = ${show(access.value)} allows anonymous reads`, access.line, 'public-container');
    judged.push({ resource: container, verdict });
  }
  for (const rule of managed(facts, ...FIREWALL_RULES)) {
    const start = rule.attributes.start_ip_address?.value;
    const end = rule.attributes.end_ip_address?.value;
    let verdict: Verdict = PASS;
    if (start instanceof Unknown || end instanceof Unknown) verdict = cannotJudge('the rule range is not known statically', rule.line);
    else if (start === '0.0.0.0' && end === '255.255.255.255') verdict = fail('the firewall rule admits every IPv4 address', rule.attributes.end_ip_address?.line, 'all-addresses');
    judged.push({ resource: rule, verdict });
  }
  return judged;
}

export function azureTls(facts: TerraformFacts): Judged[] {
  const judged: Judged[] = [];
  for (const account of managed(facts, 'azurerm_storage_account')) {
    const https = account.attributes.https_traffic_only_enabled ?? account.attributes.enable_https_traffic_only;
    const httpsOn = truth(https?.value ?? true);
    const minimum = account.attributes.min_tls_version;
    let verdict: Verdict;
    if (httpsOn instanceof Unknown) verdict = cannotJudge(`HTTPS-only is not known statically: ${httpsOn.reason}`, https?.line);
    else if (!httpsOn) verdict = fail('HTTPS-only traffic is turned off', https?.line, 'http-allowed');
    else if (!minimum) verdict = fail('min_tls_version is not set to TLS1_2', account.line, 'min-tls-missing');
    else if (minimum.value instanceof Unknown) verdict = cannotJudge(`min_tls_version is not known statically: ${minimum.value.reason}`, minimum.line);
    else verdict = minimum.value === 'TLS1_2' || minimum.value === 'TLS1_3' ? PASS : fail(`min_tls_version = ${show(minimum.value)}`, minimum.line, 'min-tls-old');
    judged.push({ resource: account, verdict });
  }
  for (const server of managed(facts, 'azurerm_mssql_server')) {
    const minimum = server.attributes.minimum_tls_version;
    let verdict: Verdict;
    if (!minimum) verdict = fail('minimum_tls_version is not set to "1.2"', server.line, 'min-tls-missing');
    else if (minimum.value instanceof Unknown) verdict = cannotJudge(`minimum_tls_version is not known statically: ${minimum.value.reason}`, minimum.line);
    else verdict = minimum.value === '1.2' || minimum.value === '1.3' ? PASS : fail(`minimum_tls_version = ${show(minimum.value)}`, minimum.line, 'min-tls-old');
    judged.push({ resource: server, verdict });
  }
  for (const app of managed(facts, 'azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_app_service', 'azurerm_function_app', 'azurerm_linux_function_app', 'azurerm_windows_function_app')) {
    judged.push({ resource: app, verdict: requireTrue(app, 'https_only', app.line, 'the app also answers plain HTTP') });
  }
  return judged;
}

export function azureKeyRotation(facts: TerraformFacts): Judged[] {
  return managed(facts, 'azurerm_key_vault_key').map((key) => {
    const automatic = firstBlock(firstBlock(key, 'rotation_policy') ?? { attributes: {}, blocks: [] }, 'automatic');
    if (!automatic) return { resource: key, verdict: fail('no rotation_policy with an automatic rotation', key.line, 'rotation-missing') };
    const when = automatic.attributes.time_after_creation ?? automatic.attributes.time_before_expiry;
    if (!when) return { resource: key, verdict: fail('rotation_policy.automatic sets no rotation time', automatic.line, 'rotation-time-missing') };
    return { resource: key, verdict: when.value instanceof Unknown ? cannotJudge(`rotation time is not known statically: ${when.value.reason}`, when.line) : PASS };
  });
}

export function azureBackups(facts: TerraformFacts, minimum: number): Judged[] {
  const judged: Judged[] = [];
  for (const server of managed(facts, 'azurerm_postgresql_flexible_server', 'azurerm_mysql_flexible_server')) judged.push({ resource: server, verdict: atLeastDays(server, 'backup_retention_days', minimum) });
  for (const account of managed(facts, 'azurerm_storage_account')) {
    const blob = firstBlock(account, 'blob_properties');
    judged.push({ resource: account, verdict: blob ? requireTrue(blob, 'versioning_enabled', blob.line, 'blob versions are not kept') : fail('no blob_properties { versioning_enabled = true }', account.line, 'versioning-missing') });
  }
  return judged;
}

export function azureRedundant(facts: TerraformFacts): Judged[] {
  return managed(facts, 'azurerm_postgresql_flexible_server', 'azurerm_mysql_flexible_server').map((server) => {
    const availability = firstBlock(server, 'high_availability');
    const mode = availability?.attributes.mode;
    if (!availability || !mode) return { resource: server, verdict: fail('no high_availability block (a single server has no standby)', server.line, 'no-ha') };
    if (mode.value instanceof Unknown) return { resource: server, verdict: cannotJudge(`high_availability mode is not known statically: ${mode.value.reason}`, mode.line) };
    return { resource: server, verdict: mode.value === 'ZoneRedundant' || mode.value === 'SameZone' ? PASS : fail(`high_availability mode = ${show(mode.value)}`, mode.line, 'ha-mode') };
  });
}
