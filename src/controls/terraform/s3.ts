import { Ref, type TerraformFacts, type TfResource } from '../../facts/terraform.js';
import { managed, type Verdict, cannotJudge } from './judge.js';

/**
 * S3 buckets and their companion resources (`aws_s3_bucket_versioning`, `_logging`, …), linked through
 * `bucket = aws_s3_bucket.NAME.id` (or `.bucket`) or the bucket's literal name: the bucket is the
 * subject of every bucket finding even when the setting lives in a companion.
 */
export class S3Buckets {
  readonly buckets: TfResource[];
  private readonly companions: TfResource[];

  constructor(private readonly facts: TerraformFacts) {
    this.buckets = managed(facts, 'aws_s3_bucket');
    this.companions = facts.resources.filter((resource) => resource.mode === 'managed' && resource.type.startsWith('aws_s3_bucket_'));
  }

  /** Companions of `type` that belong to `bucket`. */
  of(bucket: TfResource, type: string): TfResource[] {
    const name = bucket.attributes.bucket?.value;
    return this.companions.filter((companion) => {
      if (companion.type !== type) return false;
      const target = companion.attributes.bucket?.value;
      if (target instanceof Ref) return target.address === bucket.blockAddress;
      return typeof target === 'string' && typeof name === 'string' && target === name;
    });
  }

  /** When a companion of `type` names no bucket we can identify, a bucket without one cannot be judged. */
  unlinked(type: string): Verdict | undefined {
    const loose = this.companions.filter((companion) => {
      if (companion.type !== type) return false;
      const target = companion.attributes.bucket?.value;
      if (target instanceof Ref) return !this.buckets.some((bucket) => bucket.blockAddress === target.address);
      if (typeof target === 'string') return !this.buckets.some((bucket) => bucket.attributes.bucket?.value === target);
      return true;
    });
    const [first] = loose;
    if (!first) return undefined;
    return cannotJudge(`${first.address} may configure this bucket, but which bucket it configures is not known statically`);
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
