import { Ref, Unknown, type TerraformFacts, type TfResource } from './terraform.js';
import { managed } from './query.js';

function targetKey(companion: TfResource): string | undefined {
  const target = companion.attributes.bucket?.value;
  if (target instanceof Ref) return `ref:${target.address}`;
  return typeof target === 'string' ? `name:${target}` : undefined;
}

/**
 * S3 buckets and their companion resources (`aws_s3_bucket_versioning`, `_logging`, …), linked through
 * `bucket = aws_s3_bucket.NAME.id` (or `.bucket`) or the bucket's literal name: the bucket is the
 * subject of every bucket finding even when the setting lives in a companion.
 */
export class S3Buckets {
  readonly buckets: TfResource[];
  /** Companions by the bucket they name: `ref:<address>` or `name:<bucket name>`. */
  private readonly byTarget = new Map<string, TfResource[]>();
  private readonly unlinkedByType = new Map<string, Unknown | undefined>();
  private readonly companions: TfResource[];

  constructor(private readonly facts: TerraformFacts) {
    this.buckets = managed(facts, 'aws_s3_bucket');
    this.companions = facts.resources.filter((resource) => resource.mode === 'managed' && resource.type.startsWith('aws_s3_bucket_'));
    for (const companion of this.companions) {
      const key = targetKey(companion);
      if (key === undefined) continue;
      const list = this.byTarget.get(key) ?? [];
      list.push(companion);
      this.byTarget.set(key, list);
    }
  }

  /** Companions of `type` that belong to `bucket`. */
  of(bucket: TfResource, type: string): TfResource[] {
    const name = bucket.attributes.bucket?.value;
    const byRef = this.byTarget.get(`ref:${bucket.blockAddress}`) ?? [];
    const byName = typeof name === 'string' ? (this.byTarget.get(`name:${name}`) ?? []) : [];
    return [...byRef, ...byName].filter((companion) => companion.type === type);
  }

  /** When a companion of `type` names no bucket we can identify, a bucket without one cannot be judged. */
  unlinked(type: string): Unknown | undefined {
    if (this.unlinkedByType.has(type)) return this.unlinkedByType.get(type);
    const addresses = new Set(this.buckets.map((bucket) => bucket.blockAddress));
    const names = new Set(this.buckets.map((bucket) => bucket.attributes.bucket?.value).filter((name) => typeof name === 'string'));
    const loose = this.companions.find((companion) => {
      if (companion.type !== type) return false;
      const target = companion.attributes.bucket?.value;
      if (target instanceof Ref) return !addresses.has(target.address);
      if (typeof target === 'string') return !names.has(target);
      return true;
    });
    const verdict = loose ? new Unknown(`${loose.address} may configure this bucket, but which bucket it configures is not known statically`) : undefined;
    this.unlinkedByType.set(type, verdict);
    return verdict;
  }

  /** Buckets that receive other buckets' access logs or a trail's logs: logging them would loop. */
  logTargets(): Set<string> {
    const targets = new Set<string>();
    const names = new Map(this.buckets.map((bucket) => [bucket.attributes.bucket?.value, bucket.blockAddress]));
    const add = (value: unknown): void => {
      if (value instanceof Ref) targets.add(value.address);
      else if (typeof value === 'string' && names.has(value)) targets.add(names.get(value) ?? '');
    };
    for (const resource of this.facts.resources) {
      if (resource.type === 'aws_s3_bucket_logging') add(resource.attributes.target_bucket?.value);
      if (resource.type === 'aws_cloudtrail') add(resource.attributes.s3_bucket_name?.value);
      if (resource.type === 'aws_lb' || resource.type === 'aws_alb') for (const block of resource.blocks.filter((candidate) => candidate.type === 'access_logs')) add(block.attributes.bucket?.value);
      if (resource.type === 'aws_s3_bucket') for (const block of resource.blocks.filter((candidate) => candidate.type === 'logging')) add(block.attributes.target_bucket?.value);
    }
    return targets;
  }
}
