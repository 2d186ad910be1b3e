import { Unknown, type TerraformFacts, type TfBody, type TfResource } from '../../facts/terraform/terraform.js';
import { PASS, cannotJudge, fail, type Verdict } from './judge.js';
import { blocksOf, managed, show } from '../../facts/terraform/query.js';

interface Requirement {
  parameter: string;
  accepted: readonly string[];
}

/** The parameter that forces TLS for a parameter-group family, or undefined when the family has none. */
function requirementFor(type: string, family: string): Requirement | undefined {
  if (type === 'aws_redshift_parameter_group') return { parameter: 'require_ssl', accepted: ['true', '1', 'on'] };
  if (type === 'aws_docdb_cluster_parameter_group') return { parameter: 'tls', accepted: ['enabled', 'tls1.2+', 'tls1.3+'] };
  if (/^(aurora-)?postgres|^sqlserver/.test(family)) return { parameter: 'rds.force_ssl', accepted: ['1', 'true', 'on'] };
  if (/^(aurora-mysql|aurora5|mysql|mariadb)/.test(family)) return { parameter: 'require_secure_transport', accepted: ['1', 'on', 'true'] };
  return undefined;
}

function parameterValue(body: TfBody, name: string): { value: string | Unknown; line: number } | undefined {
  for (const block of blocksOf(body, 'parameter')) {
    if (block.unknown) return { value: new Unknown(block.unknown), line: block.line };
    const blockName = block.attributes.name?.value;
    if (blockName instanceof Unknown) return { value: blockName, line: block.line };
    if (typeof blockName !== 'string' || blockName.toLowerCase() !== name) continue;
    const value = block.attributes.value?.value;
    return { value: value instanceof Unknown ? value : String(value ?? '').toLowerCase(), line: block.attributes.value?.line ?? block.line };
  }
  return undefined;
}

const GROUP_TYPES = ['aws_db_parameter_group', 'aws_rds_cluster_parameter_group', 'aws_redshift_parameter_group', 'aws_docdb_cluster_parameter_group'];

/** Database parameter groups that must force TLS, each with its verdict (families without such a parameter are left out). */
export function parameterGroupVerdicts(facts: TerraformFacts): { resource: TfResource; verdict: Verdict }[] {
  const judged: { resource: TfResource; verdict: Verdict }[] = [];
  for (const resource of managed(facts, ...GROUP_TYPES)) {
    const family = resource.attributes.family?.value;
    if (family instanceof Unknown) {
      judged.push({ resource, verdict: cannotJudge(`family is not known statically: ${family.reason}`, resource.attributes.family?.line) });
      continue;
    }
    const requirement = requirementFor(resource.type, typeof family === 'string' ? family : '');
    if (!requirement) continue;
    const setting = parameterValue(resource, requirement.parameter);
    let verdict: Verdict;
    if (!setting) verdict = fail(`does not set ${requirement.parameter} (connections without TLS are accepted)`, resource.line, `${requirement.parameter}-missing`);
    else if (setting.value instanceof Unknown) verdict = cannotJudge(`${requirement.parameter} is not known statically: ${setting.value.reason}`, setting.line);
    else if (requirement.accepted.includes(setting.value)) verdict = PASS;
    else verdict = fail(`${requirement.parameter} = ${show(setting.value)} (connections without TLS are accepted)`, setting.line, `${requirement.parameter}-off`);
    judged.push({ resource, verdict });
  }
  return judged;
}

const DATABASE_GROUP_ARGUMENT: Record<string, string> = {
  aws_db_instance: 'parameter_group_name',
  aws_rds_cluster: 'db_cluster_parameter_group_name',
  aws_redshift_cluster: 'cluster_parameter_group_name',
  aws_docdb_cluster: 'db_cluster_parameter_group_name',
};

const TLS_ENGINES = /^(aurora|postgres|mysql|mariadb|sqlserver|docdb|redshift)/;

/** Databases left on the engine's default parameter group, which does not force TLS. */
export function databaseVerdicts(facts: TerraformFacts): { resource: TfResource; verdict: Verdict }[] {
  const judged: { resource: TfResource; verdict: Verdict }[] = [];
  const groups = managed(facts, ...GROUP_TYPES);
  for (const resource of managed(facts, ...Object.keys(DATABASE_GROUP_ARGUMENT))) {
    const engineValue = resource.attributes.engine?.value;
    const engine = resource.type === 'aws_redshift_cluster' ? 'redshift' : resource.type === 'aws_docdb_cluster' ? 'docdb' : engineValue;
    if (resource.type === 'aws_db_instance' && typeof engine === 'string' && engine.startsWith('aurora')) continue;
    if (typeof engine === 'string' && !TLS_ENGINES.test(engine)) continue;
    if (resource.type === 'aws_db_instance' && resource.attributes.replicate_source_db) continue;
    const argument = DATABASE_GROUP_ARGUMENT[resource.type] ?? '';
    const group = resource.attributes[argument];
    let verdict: Verdict;
    if (!group || group.value === null) {
      verdict = fail(`has no ${argument}: the engine's default parameter group does not force TLS`, resource.line, 'default-parameter-group');
    } else if (group.value instanceof Unknown) {
      verdict = cannotJudge(`${argument} is not known statically: ${group.value.reason}`, group.line);
    } else if (typeof group.value === 'string') {
      const name = group.value;
      if (groups.some((candidate) => candidate.attributes.name?.value === name)) verdict = PASS;
      else if (name.startsWith('default.')) verdict = fail(`${argument} = ${show(name)}: a default parameter group does not force TLS`, group.line, 'default-parameter-group');
      else verdict = cannotJudge(`parameter group "${name}" is not declared in this configuration`, group.line);
    } else {
      // A reference to a declared parameter group: that group is judged on its own.
      verdict = PASS;
    }
    judged.push({ resource, verdict });
  }
  return judged;
}
