import { defineControl, evaluated, notApplicable, unknown } from '../../engine/control.js';
import { ciFacts, type CiJob } from '../../facts/ci/ci.js';
import { projectToolingFacts } from '../../facts/ci/project-tooling.js';
import { blindSpots, evidenceOf, jobAddress, noCiFinding } from './ci-jobs.js';

const RELEASE_NAME = /release|publish|deploy|deliver|ship/i;

function releaseJob(job: CiJob): boolean {
  return job.kinds.includes('publish') || job.kinds.includes('deploy') || RELEASE_NAME.test(`${job.id} ${job.name ?? ''}`) || (job.system === 'github-actions' && RELEASE_NAME.test(job.file.split('/').pop() ?? ''));
}

export default defineControl({
  meta: {
    id: 'releases-built-by-ci',
    title: 'Releases are built, published and deployed by CI',
    domain: 'ci',
    severity: 'medium',
    rationale: 'A release built on a laptop carries whatever that laptop holds (local changes, a compromised tool, personal credentials) and leaves no record of how it was made; a CI release is reproducible and logged.',
    remediation: 'Add a release or deploy workflow (e.g. on tag push: build, `npm publish --provenance`, `docker push`, `goreleaser`, or a deploy job) and stop publishing from developer machines.',
    facts: ['ci', 'project-tooling'],
  },
  async check({ facts }) {
    const [ci, tooling] = await Promise.all([facts(ciFacts), facts(projectToolingFacts)]);
    if (tooling.deliverables.length === 0) return notApplicable('nothing in the repository is published or deployed (no package manifest, image, chart or infrastructure code)');
    const shipped = tooling.deliverables.slice(0, 3).join(', ');
    if (ci.systems.length === 0) return evaluated([noCiFinding(`builds releases of ${shipped}`)]);
    const jobs = ci.jobs.filter(releaseJob);
    const blind = blindSpots(ci);
    if (jobs.length === 0 && blind) return unknown(`no release or deploy job found in the CI configuration tenet can read; ${blind}`);
    if (jobs.length === 0) {
      return evaluated([{ message: `no CI job releases, publishes or deploys ${shipped} (jobs: ${ci.jobs.map(jobAddress).join(', ') || 'none'})`, file: ci.systems[0]?.files[0], key: 'no-release-job' }]);
    }
    return evaluated([], jobs.slice(0, 3).map((job) => (job.kinds.includes('publish') ? evidenceOf(job, 'publish') : job.kinds.includes('deploy') ? evidenceOf(job, 'deploy') : jobAddress(job))).join('; '));
  },
});
