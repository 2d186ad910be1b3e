import { defineControl, evaluated, notApplicable } from '../../engine/control.js';
import { licenseFacts } from '../../facts/docs/licenses.js';

export default defineControl({
  meta: {
    id: 'license-present',
    title: 'An OSI-approved licence file is present',
    domain: 'docs',
    severity: 'low',
    rationale: 'Without a licence file nobody may lawfully reuse or audit the code, and users cannot tell which terms apply.',
    remediation: 'Add a LICENSE file at the repository root with the full text of an OSI-approved licence (for example MIT or Apache-2.0).',
    facts: ['licenses'],
  },
  async check({ facts }) {
    const { fileCount, files, declared } = await facts(licenseFacts);
    if (fileCount === 0) return notApplicable('the repository has no files');
    const approved = files.filter((file) => file.osiApproved);
    if (approved.length > 0) return evaluated([], `${approved.map((file) => `${file.file} (${file.spdx ?? '?'})`).join(', ')}`);
    if (files.length === 0) {
      return evaluated([
        {
          message: `no licence file at the repository root${declared ? ` (package.json declares "${declared}", but the text must be shipped)` : ''}`,
          key: 'missing',
        },
      ]);
    }
    return evaluated(
      files.map((file) => ({
        message: file.readable
          ? `${file.file} is not the text of an OSI-approved licence${file.spdx ? ` (${file.spdx})` : ''}`
          : `${file.file} could not be read`,
        file: file.file,
        line: 1,
        key: file.spdx ?? 'unrecognised',
      })),
    );
  },
});
